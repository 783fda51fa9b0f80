package dev.portallogin.core.adapter.ses;

import dev.portallogin.core.adapter.aws.Refusals;
import dev.portallogin.core.adapter.aws.SignedAwsCall;
import dev.portallogin.core.domain.EmailMessage;
import dev.portallogin.core.json.Json;
import dev.portallogin.core.port.DeliveryException;
import dev.portallogin.core.port.Mailer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@link Mailer} on Amazon SES: API v2 {@code SendEmail}, a simple message with text and HTML parts, sent through
 * the configuration set whose event destination reports bounces and complaints, and tagged with the customer it is
 * about ({@link RecipientTag}) so that a report finds its way back to the customer.
 */
public class SesMailer implements Mailer {

    private static final String SEND_EMAIL_PATH = "/v2/email/outbound-emails";
    private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json");

    private final SignedAwsCall ses;
    private final String configurationSet;

    /** @param configurationSet the SES configuration set every message uses, or null for none */
    public SesMailer(SignedAwsCall ses, String configurationSet) {
        this.ses = ses;
        this.configurationSet = configurationSet;
    }

    @Override
    public String send(EmailMessage message, String messageId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("FromEmailAddress", message.fromName() == null ? message.from()
                : MailboxNames.withName(message.fromName(), message.from()));
        if (message.replyTo() != null) {
            request.put("ReplyToAddresses", List.of(message.replyTo()));
        }
        request.put("Destination", Map.of("ToAddresses", List.of(message.to().value())));
        request.put("Content", Map.of("Simple", Map.of(
                "Subject", utf8(message.subject()),
                "Body", Map.of("Text", utf8(message.text()), "Html", utf8(message.html())))));
        if (configurationSet != null && !configurationSet.isBlank()) {
            request.put("ConfigurationSetName", configurationSet);
        }
        List<Map<String, String>> tags = new ArrayList<>();
        if (message.storeId() != null && message.customerId() != null) {
            tags.add(Map.of("Name", RecipientTag.NAME,
                    "Value", RecipientTag.encode(message.storeId(), message.customerId())));
        }
        if (messageId != null && RecipientTag.isTagValue(messageId)) {
            tags.add(Map.of("Name", RecipientTag.MESSAGE, "Value", messageId));
        }
        if (!tags.isEmpty()) {
            request.put("EmailTags", tags);
        }
        try {
            byte[] answer = ses.post(SEND_EMAIL_PATH, HEADERS, Json.write(request).getBytes(StandardCharsets.UTF_8));
            return answer.length > 0 && Json.parse(new String(answer, StandardCharsets.UTF_8)) instanceof Map<?, ?> sent
                    && sent.get("MessageId") instanceof String id ? id : "";
        } catch (IOException unreadable) {
            return "";
        } catch (SdkException failure) {
            throw new DeliveryException("email", failure, Refusals.isPermanent(failure), Refusals.describe(failure));
        }
    }

    private static Map<String, String> utf8(String data) {
        return Map.of("Data", data, "Charset", "UTF-8");
    }
}
