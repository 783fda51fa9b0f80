package dev.portallogin.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginPolicyTest {

    @Test
    void defaultsAreTheProductPromise() {
        LoginPolicy policy = LoginPolicy.from(Map.of());
        assertThat(policy.codeLength()).isEqualTo(4);
        assertThat(policy.codeLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.linkLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.sessionLifetime()).isEqualTo(Duration.ofDays(7));
        assertThat(policy.maxCodeAttempts()).isEqualTo(5);
        assertThat(policy.deviceLifetime()).isEqualTo(Duration.ofDays(90));
        assertThat(policy.identifierLimits()).hasSize(3);
        assertThat(policy.storeVerifyLimit().count()).isEqualTo(3000);
    }

    @Test
    void aCodeLengthOutsideFourToEightStopsTheFunctionAtInit() {
        assertThatThrownBy(() -> LoginPolicy.from(Map.of("CODE_LENGTH", "3")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(LoginPolicy.from(Map.of("CODE_LENGTH", "6")).codeLength()).isEqualTo(6);
    }

    @Test
    void theSignInBrowserIsRememberedForAsLongAsItsCodeOrLinkWorks() {
        assertThat(LoginPolicy.from(Map.of("LINK_TTL_SECONDS", "1800")).signInBrowserLifetime())
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(LoginPolicy.from(Map.of("CODE_TTL_SECONDS", "900", "LINK_TTL_SECONDS", "300"))
                .signInBrowserLifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(LoginPolicy.from(Map.of("LINK_TTL_SECONDS", "1800")).linkFormLifetime())
                .isEqualTo(Duration.ofMinutes(30));
    }
}
