package dev.portallogin.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelativePathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/portal", "/portal/subscriptions?tab=active", "../", "./login"})
    void pathsOnThisSiteAreSafe(String target) {
        assertThat(RelativePath.isSafe(target)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.com", "/\\evil.com", "https:evil.com", "https://evil.com", "evil.com",
            "javascript:alert(1)", "/ /evil.com", "/portal\r\nLocation: https://evil.com", "", "\\\\evil.com"})
    void anythingABrowserCouldReadAsAnotherHostIsRefused(String target) {
        assertThat(RelativePath.isSafe(target)).isFalse();
    }
}
