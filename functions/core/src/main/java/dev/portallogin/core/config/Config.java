package dev.portallogin.core.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The infrastructure the functions reach, read once from their environment at start-up: tables, queue, secrets,
 * region, endpoint and credentials. How signing in behaves is the {@link dev.portallogin.core.domain.LoginPolicy},
 * read from the same environment. Names and defaults are listed in the README.
 */
public record Config(
        String directoryTable,
        String loginTable,
        String auditTable,
        String codeKeySecretArn,
        String deliveryQueueUrl,
        String sesConfigurationSet,
        String originVerifySecretArn,
        String mailFeedbackTopicArn,
        int deliveryMaxReceives,
        String region,
        Optional<URI> endpoint,
        Optional<StaticCredentials> credentials,
        boolean containerCredentials,
        boolean primeOnInit) {

    /**
     * Keys given in the environment, as Lambda gives them to functions without SnapStart. With SnapStart, Lambda
     * gives none (keys read at init would be frozen into the snapshot and expire); it points
     * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} at an endpoint instead ({@code containerCredentials}). With
     * neither, the SDK's default chain is used (a developer's profile).
     */
    public record StaticCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
        @Override
        public String toString() {
            return "StaticCredentials[redacted]";
        }
    }

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    public static Config from(Map<String, String> env) {
        Optional<StaticCredentials> credentials = Optional.ofNullable(env.get("AWS_ACCESS_KEY_ID"))
                .filter(id -> !id.isBlank())
                .map(id -> new StaticCredentials(id, env.get("AWS_SECRET_ACCESS_KEY"), env.get("AWS_SESSION_TOKEN")));
        return new Config(
                env.getOrDefault("DIRECTORY_TABLE", "portal-directory"),
                env.getOrDefault("LOGIN_TABLE", "portal-login"),
                env.getOrDefault("AUDIT_TABLE", "portal-audit"),
                env.get("CODE_KEY_SECRET_ARN"),
                env.get("DELIVERY_QUEUE_URL"),
                env.get("SES_CONFIGURATION_SET"),
                env.get("ORIGIN_VERIFY_SECRET_ARN"),
                env.get("MAIL_FEEDBACK_TOPIC_ARN"),
                Integer.parseInt(env.getOrDefault("DELIVERY_MAX_RECEIVES", "3").strip()),
                env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1")),
                Optional.ofNullable(env.get("AWS_ENDPOINT_URL")).filter(url -> !url.isBlank()).map(URI::create),
                credentials,
                credentials.isEmpty() && !env.getOrDefault("AWS_CONTAINER_CREDENTIALS_FULL_URI", "").isBlank(),
                Boolean.parseBoolean(env.getOrDefault("PRIME_ON_INIT", "false").strip()));
    }

}
