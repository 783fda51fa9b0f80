package dev.portallogin.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.it.support.AwsBackend;
import dev.portallogin.tools.TemplateModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code template.yaml} is valid, and what it wires exists in the code. */
class TemplateIT {

    private final AwsBackend backend = AwsBackend.shared();

    @Test
    void cfnLintFindsNoErrorsOrWarnings() throws IOException, InterruptedException {
        Process lint = new ProcessBuilder("cfn-lint", "template.yaml")
                .directory(backend.projectRoot().toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(output).as("cfn-lint output").isEmpty();
        assertThat(lint.exitValue()).isZero();
    }

    @Test
    void everyFunctionHandlerAndJarExistAsTheTemplateNamesThem() {
        for (TemplateModel.Function function : backend.template().functions()) {
            assertThat(function.codeUri()).as(function.logicalId())
                    .matches("functions/[a-z-]+/target/[a-z-]+\\.jar");
            String module = function.codeUri().split("/")[1];
            assertThat(Files.isDirectory(backend.projectRoot().resolve("functions").resolve(module)))
                    .as(function.logicalId() + " module").isTrue();
            assertThat(function.codeUri()).endsWith("/" + module + ".jar");
            assertThat(function.handler()).endsWith("::handleRequest");
        }
    }

    @Test
    void adminRoutesRequireIamAuthorization() {
        assertThat(backend.template().routes())
                .filteredOn(route -> route.path().startsWith("/admin"))
                .hasSize(9)
                .allSatisfy(route -> assertThat(route.authorization()).isEqualTo("AWS_IAM"));
    }

    /**
     * The audit trail is append-only for every function: on the audit table (or on any table, through a wildcard)
     * a policy may grant PutItem and Query, nothing that changes or deletes an entry. The adapters' puts are all
     * conditional on the key being new ({@code AuditLogIT}).
     */
    @Test
    @SuppressWarnings("unchecked")
    void noFunctionMayChangeOrDeleteAnAuditEntry() {
        List<String> auditWriters = new ArrayList<>();
        for (TemplateModel.Function function : backend.template().functions()) {
            for (Map<String, Object> statement : backend.template().policyStatements(function.logicalId())) {
                Object resource = statement.get("Resource") != null ? statement.get("Resource")
                        : statement.get("NotResource");
                String resources = String.valueOf(resource);
                List<String> actions = statement.get("Action") instanceof List<?> list
                        ? (List<String>) list : List.of(String.valueOf(statement.get("Action")));
                boolean auditTable = resources.contains("AuditTable");
                boolean anyTable = statement.containsKey("NotResource") || resources.equals("*")
                        || resources.contains("table/*");
                List<String> dynamoDb = actions.stream().filter(action -> action.startsWith("dynamodb:")).toList();
                if (auditTable || anyTable) {
                    assertThat(dynamoDb).as(function.logicalId() + " on " + resources)
                            .isSubsetOf("dynamodb:PutItem", "dynamodb:Query");
                    assertThat(dynamoDb).as(function.logicalId()).noneMatch(action -> action.contains("*"));
                }
                if (auditTable && dynamoDb.contains("dynamodb:PutItem")) {
                    auditWriters.add(function.logicalId());
                }
            }
        }
        assertThat(auditWriters).contains("GenerateMagicLinkFunction", "UpdateEmailFunction", "VerifyLinkFunction");
    }

    /**
     * support-lookup reads and cannot write: no action of its policy changes a table, sends a message or touches
     * anything but reads, except the appends to the audit table that record a search or a profile view.
     */
    @Test
    @SuppressWarnings("unchecked")
    void supportLookupMayOnlyReadAndAppendToTheTrail() {
        List<String> reads = List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:BatchGetItem");
        List<Map<String, Object>> statements = backend.template().policyStatements("SupportLookupFunction");
        assertThat(statements).isNotEmpty();
        for (Map<String, Object> statement : statements) {
            List<String> actions = statement.get("Action") instanceof List<?> list
                    ? (List<String>) list : List.of(String.valueOf(statement.get("Action")));
            String resources = String.valueOf(statement.get("Resource"));
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            if (resources.contains("AuditTable") && !resources.contains("DirectoryTable")) {
                assertThat(actions).as(resources).isSubsetOf("dynamodb:Query", "dynamodb:PutItem");
            } else {
                assertThat(actions).as(resources).isSubsetOf(reads);
            }
        }
    }

    /**
     * What deliver-message is handed and what it may touch: only the functions that produce messages may send to
     * the delivery queue; deliver-message reaches only its own keys of the login table (never a session) and sends
     * mail only from the stores' sender addresses; failed SES feedback is kept and alarmed.
     */
    @Test
    @SuppressWarnings("unchecked")
    void deliveryIsFencedInByItsPolicies() {
        TemplateModel template = backend.template();
        List<String> producers = new ArrayList<>();
        for (TemplateModel.Function function : template.functions()) {
            boolean sends = template.policyStatements(function.logicalId()).stream().anyMatch(statement ->
                    String.valueOf(statement.get("Action")).contains("sqs:SendMessage")
                            && String.valueOf(statement.get("Resource")).contains("DeliveryQueue"));
            if (sends) {
                producers.add(function.logicalId() + "Role");
            }
        }
        Map<String, Object> queuePolicy = (Map<String, Object>) template.properties("AWS::SQS::QueuePolicy")
                .get("DeliveryQueuePolicy").get("PolicyDocument");
        Map<String, Object> deny = ((List<Map<String, Object>>) queuePolicy.get("Statement")).get(0);
        assertThat(deny).containsEntry("Effect", "Deny").containsEntry("Principal", "*")
                .containsEntry("Action", "sqs:SendMessage");
        String allowed = String.valueOf(deny.get("Condition"));
        assertThat(producers).hasSize(4).allSatisfy(role -> assertThat(allowed).contains(role));
        assertThat(allowed.split("Role", -1)).as("no other principal").hasSize(producers.size() + 1);

        List<Map<String, Object>> delivery = template.policyStatements("DeliverMessageFunction");
        assertThat(delivery).filteredOn(statement -> String.valueOf(statement.get("Resource")).contains("LoginTable"))
                .singleElement().satisfies(statement -> assertThat(String.valueOf(statement.get("Condition")))
                        .contains("dynamodb:LeadingKeys", "login#*", "link#*", "rate#*", "delivered#*", "device#*")
                        .doesNotContain("session#"));
        assertThat(delivery).filteredOn(statement -> String.valueOf(statement.get("Action")).contains("ses:SendEmail"))
                .singleElement().satisfies(statement -> assertThat(String.valueOf(statement.get("Condition")))
                        .contains("ses:FromAddress", "LoginSenderAddresses"));
        assertThat(template.properties("AWS::CloudWatch::Alarm")).containsKey("MailFeedbackDeadLetterAlarm");
        assertThat(template.function("DeliverMessageFunction").orElseThrow().environment())
                .containsKey("MAIL_FEEDBACK_TOPIC_ARN");
    }

    @Test
    @SuppressWarnings("unchecked")
    void deliverMessageKnowsWhichReceiveIsTheDeliveryQueuesLast() {
        TemplateModel template = backend.template();
        Map<String, Object> redrive = (Map<String, Object>) template.properties("AWS::SQS::Queue")
                .get("DeliveryQueue").get("RedrivePolicy");

        assertThat(template.function("DeliverMessageFunction").orElseThrow().environment().get("DELIVERY_MAX_RECEIVES"))
                .as("a failure on that receive is recorded as dead-lettered").hasToString(
                        String.valueOf(redrive.get("maxReceiveCount")));
    }

    @Test
    void customerRoutesArePublic() {
        assertThat(backend.template().routes())
                .filteredOn(route -> !route.path().startsWith("/admin"))
                .isNotEmpty()
                .allSatisfy(route -> assertThat(route.authorization()).isEqualTo("NONE"));
    }
}
