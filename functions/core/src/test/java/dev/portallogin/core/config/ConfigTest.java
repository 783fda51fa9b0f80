package dev.portallogin.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void defaultsReachTheTemplatesTablesInTheRegionLambdaGives() {
        Config config = Config.from(Map.of("AWS_REGION", "eu-west-1"));
        assertThat(config.loginTable()).isEqualTo("portal-login");
        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThat(config.endpoint()).isEmpty();
    }

    @Test
    void credentialsNeverShowInTheStringForm() {
        Config config = Config.from(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "s3cr3t"));
        assertThat(config.toString()).doesNotContain("s3cr3t").doesNotContain("AKIDEXAMPLE");
    }
}
