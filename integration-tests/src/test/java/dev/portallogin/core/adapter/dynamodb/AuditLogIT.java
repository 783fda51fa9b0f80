package dev.portallogin.core.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.PrincipalArn;
import dev.portallogin.it.support.AwsBackend;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;

/** The only write the functions make to the audit table can add an entry, never replace one. */
class AuditLogIT {

    private final AwsBackend backend = AwsBackend.shared();
    private final String table = backend.table("AuditTable");

    @Test
    void theAuditPutCannotOverwriteAnExistingEntry() {
        Actor agent = Actor.agent(PrincipalArn.parse("arn:aws:sts::123456789012:assumed-role/PortalSupport/alice")
                .orElseThrow(), "agent-1");
        Put put = AuditItems.put(table, new AuditEntry("audit-store", "c-1", "credentials_revoked", agent,
                Instant.parse("2026-11-26T10:00:00Z"), Map.of()));
        backend.dynamoDb().putItem(request -> request.tableName(table).item(put.item())
                .conditionExpression(put.conditionExpression()).expressionAttributeNames(put.expressionAttributeNames()));

        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> forged = new java.util.HashMap<>(
                put.item());
        forged.put("principal", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("someone else"));
        assertThatThrownBy(() -> backend.dynamoDb().putItem(request -> request.tableName(table).item(forged)
                .conditionExpression(put.conditionExpression())
                .expressionAttributeNames(put.expressionAttributeNames())))
                .isInstanceOf(ConditionalCheckFailedException.class);

        var stored = new DynamoDbAuditLog(backend.dynamoDb(), table).list("audit-store", "c-1", 10);
        assertThat(stored).singleElement().satisfies(entry -> {
            assertThat(entry.actor().principal()).isEqualTo("arn:aws:iam::123456789012:role/PortalSupport");
            assertThat(entry.actor().session()).isEqualTo("alice");
        });
    }
}
