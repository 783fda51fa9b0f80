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
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates, in an emulator or a development account, the resources {@code template.yaml} declares: every DynamoDB
 * table with its keys, indexes and TTL, every queue (with its dead-letter queue), SNS topic and SES configuration
 * set, and every secret (with a fresh random value). Returns the physical names to resolve the functions'
 * {@code !Ref}s with.
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
        provisionQueues(template, physicalIds);
        if (!template.topics().isEmpty()) {
            try (SnsClient sns = aws.build(SnsClient.builder())) {
                for (String logicalId : template.topics()) {
                    physicalIds.put(logicalId, sns.createTopic(request -> request.name(namePrefix + logicalId))
                            .topicArn());
                }
            }
        }
        if (!template.sesConfigurationSets().isEmpty()) {
            try (SesV2Client ses = aws.build(SesV2Client.builder())) {
                for (String logicalId : template.sesConfigurationSets()) {
                    String name = namePrefix + logicalId;
                    try {
                        ses.createConfigurationSet(request -> request.configurationSetName(name));
                    } catch (AlreadyExistsException alreadyThere) {
                        // Created by an earlier run.
                    } catch (SesV2Exception refused) {
                        // moto names it as SES v1 does (ConfigurationSetAlreadyExists): created by an earlier run.
                        String code = refused.awsErrorDetails() == null ? "" : refused.awsErrorDetails().errorCode();
                        if (code == null || !code.contains("AlreadyExists")) {
                            throw refused;
                        }
                    }
                    physicalIds.put(logicalId, name);
                }
            }
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

    /**
     * Creates the template's queues, dead-letter queues first (a redrive policy names its target's ARN), with their
     * retention, visibility timeout, encryption and redrive policy; their physical id is the queue URL, as
     * {@code !Ref} gives it.
     */
    private void provisionQueues(TemplateModel template, Map<String, String> physicalIds) {
        Map<String, Map<String, Object>> queues = template.queues();
        if (queues.isEmpty()) {
            return;
        }
        Map<String, String> arns = new LinkedHashMap<>();
        try (SqsClient sqs = aws.build(SqsClient.builder())) {
            List<String> order = new ArrayList<>(queues.keySet());
            order.sort((a, b) -> Boolean.compare(queues.get(a).containsKey("RedrivePolicy"),
                    queues.get(b).containsKey("RedrivePolicy")));
            for (String logicalId : order) {
                Map<String, Object> properties = queues.get(logicalId);
                Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
                copy(properties, "MessageRetentionPeriod", attributes, QueueAttributeName.MESSAGE_RETENTION_PERIOD);
                copy(properties, "VisibilityTimeout", attributes, QueueAttributeName.VISIBILITY_TIMEOUT);
                copy(properties, "SqsManagedSseEnabled", attributes, QueueAttributeName.SQS_MANAGED_SSE_ENABLED);
                Map<String, Object> redrive = TemplateModel.map(properties.get("RedrivePolicy"));
                if (!redrive.isEmpty()) {
                    Object target = TemplateModel.map(redrive.get("deadLetterTargetArn")).get("Fn::GetAtt");
                    String targetArn = arns.get((String) ((List<?>) target).get(0));
                    attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + targetArn
                            + "\",\"maxReceiveCount\":" + redrive.get("maxReceiveCount") + "}");
                }
                String url = sqs.createQueue(request -> request.queueName(namePrefix + logicalId)
                        .attributes(attributes)).queueUrl();
                arns.put(logicalId, sqs.getQueueAttributes(request -> request.queueUrl(url)
                        .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN));
                physicalIds.put(logicalId, url);
            }
        }
    }

    private static void copy(Map<String, Object> properties, String name, Map<QueueAttributeName, String> attributes,
                             QueueAttributeName attribute) {
        if (properties.containsKey(name)) {
            attributes.put(attribute, String.valueOf(properties.get(name)));
        }
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
