package dev.portallogin.core.config;

import dev.portallogin.core.domain.LoginCode;
import dev.portallogin.core.domain.RateLimit;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the functions read from their environment, read once at start-up. Names and defaults are listed in
 * the README; a value that does not parse stops the function at init rather than at a customer's request.
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
        String region,
        Optional<URI> endpoint,
        Optional<StaticCredentials> credentials,
        boolean containerCredentials,
        int codeLength,
        Duration codeLifetime,
        Duration linkLifetime,
        Duration sessionLifetime,
        int maxCodeAttempts,
        int maxConsecutiveCodeFailures,
        int maxCodeFailuresPerNetwork,
        Duration codeLockDuration,
        Duration deviceLifetime,
        List<RateLimit> identifierLimits,
        List<RateLimit> customerCodeLimits,
        List<RateLimit> sourceIpLimits,
        List<RateLimit> verifyIpLimits,
        RateLimit storeVerifyLimit,
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

    public Config {
        LoginCode.requireSupportedLength(codeLength);
        if (maxCodeAttempts < 1) {
            throw new IllegalArgumentException("MAX_CODE_ATTEMPTS must be at least 1");
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
                env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1")),
                Optional.ofNullable(env.get("AWS_ENDPOINT_URL")).filter(url -> !url.isBlank()).map(URI::create),
                credentials,
                credentials.isEmpty() && !env.getOrDefault("AWS_CONTAINER_CREDENTIALS_FULL_URI", "").isBlank(),
                integer(env, "CODE_LENGTH", 4),
                seconds(env, "CODE_TTL_SECONDS", 600),
                seconds(env, "LINK_TTL_SECONDS", 600),
                seconds(env, "SESSION_TTL_SECONDS", 7 * 24 * 3600),
                integer(env, "MAX_CODE_ATTEMPTS", 5),
                integer(env, "MAX_CONSECUTIVE_CODE_FAILURES", 20),
                integer(env, "MAX_CODE_FAILURES_PER_NETWORK", 10),
                seconds(env, "CODE_LOCK_SECONDS", 24 * 3600),
                seconds(env, "DEVICE_TTL_SECONDS", 90 * 24 * 3600),
                RateLimit.parseList(env.getOrDefault("IDENTIFIER_RATE_LIMITS", "1/60,5/3600,10/86400")),
                RateLimit.parseList(env.getOrDefault("CUSTOMER_CODE_LIMITS", "30/86400")),
                RateLimit.parseList(env.getOrDefault("SOURCE_IP_RATE_LIMITS", "20/3600")),
                RateLimit.parseList(env.getOrDefault("VERIFY_IP_RATE_LIMITS", "60/3600")),
                RateLimit.parseList(env.getOrDefault("STORE_VERIFY_RATE_LIMIT", "3000/3600")).get(0),
                Boolean.parseBoolean(env.getOrDefault("PRIME_ON_INIT", "false").strip()));
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }

    private static Duration seconds(Map<String, String> env, String name, long fallback) {
        return Duration.ofSeconds(integer(env, name, (int) fallback));
    }
}
