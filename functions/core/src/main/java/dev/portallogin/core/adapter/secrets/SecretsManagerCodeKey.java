package dev.portallogin.core.adapter.secrets;

import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.port.CodeKey;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@link CodeKey} held in AWS Secrets Manager (the template generates it). Fetched on first use, not at init, so a
 * SnapStart snapshot never contains it, and then kept for the life of the execution environment.
 */
public class SecretsManagerCodeKey implements CodeKey {

    private final SecretsManagerClient secrets;
    private final String secretId;
    private volatile byte[] key;

    public SecretsManagerCodeKey(SecretsManagerClient secrets, String secretId) {
        this.secrets = secrets;
        this.secretId = secretId;
    }

    public static SecretsManagerCodeKey create(AwsClients aws) {
        String secretId = aws.config().codeKeySecretArn();
        if (secretId == null || secretId.isBlank()) {
            throw new IllegalStateException("CODE_KEY_SECRET_ARN is not set");
        }
        return new SecretsManagerCodeKey(aws.build(SecretsManagerClient.builder()), secretId);
    }

    @Override
    public byte[] bytes() {
        byte[] cached = key;
        if (cached == null) {
            String value = secrets.getSecretValue(request -> request.secretId(secretId)).secretString();
            cached = value.getBytes(StandardCharsets.UTF_8);
            key = cached;
        }
        return cached.clone();
    }
}
