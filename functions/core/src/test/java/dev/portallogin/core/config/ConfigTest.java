package dev.portallogin.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void defaultsAreTheProductPromise() {
        Config config = Config.from(Map.of());
        assertThat(config.codeLength()).isEqualTo(4);
        assertThat(config.codeLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.linkLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.sessionLifetime()).isEqualTo(Duration.ofDays(7));
        assertThat(config.maxCodeAttempts()).isEqualTo(5);
        assertThat(config.identifierLimits()).hasSize(3);
        assertThat(config.sourceIpLimits()).hasSize(1);
        assertThat(config.endpoint()).isEmpty();
    }

    @Test
    void aCodeLengthOutsideFourToEightStopsTheFunctionAtInit() {
        assertThatThrownBy(() -> Config.from(Map.of("CODE_LENGTH", "3"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Config.from(Map.of("CODE_LENGTH", "6")).codeLength()).isEqualTo(6);
    }

    @Test
    void credentialsNeverShowInTheStringForm() {
        Config config = Config.from(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "s3cr3t"));
        assertThat(config.toString()).doesNotContain("s3cr3t").doesNotContain("AKIDEXAMPLE");
    }
}
