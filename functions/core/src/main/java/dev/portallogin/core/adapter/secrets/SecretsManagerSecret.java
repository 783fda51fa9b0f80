package dev.portallogin.core.adapter.secrets;

import dev.portallogin.core.adapter.aws.SignedAwsCall;
import dev.portallogin.core.json.Json;
import dev.portallogin.core.port.CodeKey;
import dev.portallogin.core.port.OriginSecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A secret string held in AWS Secrets Manager: the {@link CodeKey} (the template generates it) and the CloudFront
 * {@link OriginSecret}. Fetched with {@code GetSecretValue} on first use, not at init, so a SnapStart snapshot never
 * contains it, and then kept for {@link #REFRESH_AFTER} at most, so a rotation reaches warm containers too.
 */
public class SecretsManagerSecret implements CodeKey, OriginSecret {

    private static final Map<String, String> HEADERS = Map.of(
            "Content-Type", "application/x-amz-json-1.1",
            "X-Amz-Target", "secretsmanager.GetSecretValue");

    /** How long a fetched value is used before it is read again. */
    public static final Duration REFRESH_AFTER = Duration.ofMinutes(15);

    private record Fetched(byte[] value, Instant at) {
    }

    private final SignedAwsCall secrets;
    private final String secretId;
    private final Clock clock;
    private volatile Fetched fetched;

    public SecretsManagerSecret(SignedAwsCall secrets, String secretId) {
        this(secrets, secretId, Clock.systemUTC());
    }

    public SecretsManagerSecret(SignedAwsCall secrets, String secretId, Clock clock) {
        this.secrets = secrets;
        this.secretId = secretId;
        this.clock = clock;
    }

    @Override
    public byte[] bytes() {
        Fetched cached = fetched;
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(cached.at().plus(REFRESH_AFTER)) || now.isBefore(cached.at())) {
            cached = new Fetched(secretString().getBytes(StandardCharsets.UTF_8), now);
            fetched = cached;
        }
        return cached.value().clone();
    }

    @Override
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(bytes(), presented.getBytes(StandardCharsets.UTF_8));
    }

    private String secretString() {
        byte[] answer = secrets.post("/", HEADERS,
                Json.write(Map.of("SecretId", secretId)).getBytes(StandardCharsets.UTF_8));
        try {
            if (Json.parse(new String(answer, StandardCharsets.UTF_8)) instanceof Map<?, ?> secret
                    && secret.get("SecretString") instanceof String value && !value.isEmpty()) {
                return value;
            }
        } catch (IOException unreadable) {
            throw SdkClientException.builder().message("Secrets Manager's answer is not JSON").build();
        }
        throw SdkClientException.builder().message("the secret has no SecretString").build();
    }
}
