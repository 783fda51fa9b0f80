package dev.portallogin.tools;

import dev.portallogin.core.config.AwsClients;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;

/**
 * Creates, in an emulator or a development account, the resources {@code template.yaml} declares: every DynamoDB
 * table with its keys, indexes and TTL, and every secret (with a fresh random value). Returns the physical names
 * to resolve the functions' {@code !Ref}s with.
 */
public final class LocalAws {

    private final AwsClients aws;
    private final String namePrefix;

    /** @param namePrefix prepended to each logical id to name the physical resource */
    public LocalAws(AwsClients aws, String namePrefix) {
        this.aws = aws;
        this.namePrefix = namePrefix;
    }

    /** Creates what is missing and returns logical id to physical name (tables) or ARN (secrets). */
    public Map<String, String> provision(TemplateModel template) {
        Map<String, String> physicalIds = new LinkedHashMap<>();
        DynamoDbClient dynamoDb = aws.dynamoDb();
        for (TemplateModel.Table table : template.tables()) {
            String name = namePrefix + table.logicalId();
            createTable(dynamoDb, name, table.properties());
            physicalIds.put(table.logicalId(), name);
        }
        if (!template.secrets().isEmpty()) {
            try (SecretsManagerClient secrets = aws.build(SecretsManagerClient.builder())) {
                for (String logicalId : template.secrets()) {
                    physicalIds.put(logicalId, createSecret(secrets, namePrefix + logicalId));
                }
            }
        }
        return physicalIds;
    }

    /** Lets SES send from these domains (an emulator accepts them at once; a real account sends a DNS check). */
    public void verifySenderDomains(List<String> domains) {
        try (SesV2Client ses = aws.build(SesV2Client.builder())) {
            for (String domain : domains) {
                try {
                    ses.createEmailIdentity(request -> request.emailIdentity(domain));
                } catch (AlreadyExistsException alreadyThere) {
                    // Verified by an earlier run.
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void createTable(DynamoDbClient dynamoDb, String name, Map<String, Object> properties) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (Object definition : (List<Object>) properties.get("AttributeDefinitions")) {
            Map<String, Object> attribute = TemplateModel.map(definition);
            attributes.add(AttributeDefinition.builder()
                    .attributeName((String) attribute.get("AttributeName"))
                    .attributeType((String) attribute.get("AttributeType"))
                    .build());
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Object definition : (List<Object>) properties.getOrDefault("GlobalSecondaryIndexes", List.of())) {
            Map<String, Object> index = TemplateModel.map(definition);
            Map<String, Object> projection = TemplateModel.map(index.get("Projection"));
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName((String) index.get("IndexName"))
                    .keySchema(keySchema(index.get("KeySchema")))
                    .projection(Projection.builder()
                            .projectionType((String) projection.getOrDefault("ProjectionType", "ALL"))
                            .nonKeyAttributes((List<String>) projection.get("NonKeyAttributes"))
                            .build())
                    .build());
        }
        try {
            dynamoDb.createTable(request -> request
                    .tableName(name)
                    .attributeDefinitions(attributes)
                    .keySchema(keySchema(properties.get("KeySchema")))
                    .globalSecondaryIndexes(indexes.isEmpty() ? null : indexes)
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        } catch (ResourceInUseException alreadyThere) {
            return;
        }
        dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(name));
        Map<String, Object> ttl = TemplateModel.map(properties.get("TimeToLiveSpecification"));
        if (Boolean.TRUE.equals(ttl.get("Enabled"))) {
            dynamoDb.updateTimeToLive(request -> request.tableName(name).timeToLiveSpecification(
                    spec -> spec.attributeName((String) ttl.get("AttributeName")).enabled(true)));
        }
    }

    private static List<KeySchemaElement> keySchema(Object definition) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Object element : (List<?>) definition) {
            Map<String, Object> key = TemplateModel.map(element);
            keys.add(KeySchemaElement.builder()
                    .attributeName((String) key.get("AttributeName"))
                    .keyType((String) key.get("KeyType"))
                    .build());
        }
        return keys;
    }

    private static String createSecret(SecretsManagerClient secrets, String name) {
        try {
            return secrets.createSecret(request -> request.name(name).secretString(randomSecret())).arn();
        } catch (ResourceExistsException alreadyThere) {
            return secrets.describeSecret(request -> request.secretId(name)).arn();
        }
    }

    /** Like the template's GenerateSecretString: 64 letters and digits. */
    private static String randomSecret() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder secret = new StringBuilder(64);
        for (int i = 0; i < 64; i++) {
            secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return secret.toString();
    }
}
