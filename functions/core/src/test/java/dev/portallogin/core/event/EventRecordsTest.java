package dev.portallogin.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.portallogin.core.event.EventRecords.QueueMessage;
import dev.portallogin.core.event.EventRecords.TopicMessage;
import dev.portallogin.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRecordsTest {

    private final List<String> handled = new ArrayList<>();

    private final EventRecords.Consumer consumer = new EventRecords.Consumer() {
        @Override
        public void fromQueue(QueueMessage message) {
            handled.add(message.messageId());
            if (message.body().equals("fails")) {
                throw new IllegalStateException("may pass");
            }
        }

        @Override
        public void fromTopic(TopicMessage notification) {
            handled.add(notification.topicArn() + " " + notification.message());
        }
    };

    private Object handle(Map<String, Object> event, int millisLeft) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        EventRecords.handle(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), output,
                context(millisLeft), 5_000, consumer);
        return Json.parse(output.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> sqs(String messageId, String body) {
        return Map.of("messageId", messageId, "body", body, "eventSource", "aws:sqs");
    }

    @Test
    void aQueueMessageWhoseHandlingThrowsComesAgainAndTheOthersAreDone() throws IOException {
        Object answer = handle(Map.of("Records", List.of(sqs("m-1", "ok"), sqs("m-2", "fails"), sqs("m-3", "ok"))),
                60_000);

        assertThat(answer).isEqualTo(Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "m-2"))));
        assertThat(handled).containsExactly("m-1", "m-2", "m-3");
    }

    @Test
    void withoutTimeForAMessageTheRestOfTheBatchIsHandedBackUnstarted() throws IOException {
        Object answer = handle(Map.of("Records", List.of(sqs("m-1", "ok"), sqs("m-2", "ok"))), 4_000);

        assertThat(answer).isEqualTo(Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "m-1"),
                Map.of("itemIdentifier", "m-2"))));
        assertThat(handled).isEmpty();
    }

    @Test
    void snsRecordsGiveTheirTopicAndMessage() throws IOException {
        Object answer = handle(Map.of("Records", List.of(Map.of("EventSource", "aws:sns", "Sns",
                Map.of("TopicArn", "arn:aws:sns:us-east-1:123456789012:feedback", "Message", "{}")))), 60_000);

        assertThat(answer).isEqualTo(Map.of());
        assertThat(handled).containsExactly("arn:aws:sns:us-east-1:123456789012:feedback {}");
    }

    @Test
    void anEventWithoutRecordsIsAnEmptyBatch() throws IOException {
        assertThat(handle(Map.of("something", "else"), 60_000)).isEqualTo(Map.of("batchItemFailures", List.of()));
    }

    private static Context context(int millisLeft) {
        return new Context() {
            public String getAwsRequestId() {
                return "request-1";
            }

            public String getLogGroupName() {
                return null;
            }

            public String getLogStreamName() {
                return null;
            }

            public String getFunctionName() {
                return "deliver-message";
            }

            public String getFunctionVersion() {
                return "$LATEST";
            }

            public String getInvokedFunctionArn() {
                return null;
            }

            public CognitoIdentity getIdentity() {
                return null;
            }

            public ClientContext getClientContext() {
                return null;
            }

            public int getRemainingTimeInMillis() {
                return millisLeft;
            }

            public int getMemoryLimitInMB() {
                return 512;
            }

            public LambdaLogger getLogger() {
                return null;
            }
        };
    }
}
