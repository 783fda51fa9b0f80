package dev.portallogin.delivermessage;

import dev.portallogin.core.adapter.ses.RecipientTag;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.json.Json;
import dev.portallogin.core.port.CustomerAccounts.EmailProblem;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the JSON SES publishes to SNS about a message (event publishing through a configuration set:
 * {@code eventType}; identity notifications say {@code notificationType}). Only a permanent bounce or a complaint
 * about a message tagged with its customer is a report; anything else (transient bounces, deliveries, messages
 * this service did not send) is none.
 */
final class SesNotifications {

    private SesNotifications() {
    }

    static Optional<RecordMailFeedback.Report> report(String notification) {
        Map<?, ?> event;
        try {
            if (!(Json.parse(notification) instanceof Map<?, ?> parsed)) {
                return Optional.empty();
            }
            event = parsed;
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
        Object type = event.get("eventType") != null ? event.get("eventType") : event.get("notificationType");
        Optional<RecipientTag.Recipient> recipient = recipient(event);
        if (recipient.isEmpty()) {
            return Optional.empty();
        }
        if ("Bounce".equals(type) && map(event.get("bounce")).get("bounceType") instanceof String bounceType
                && bounceType.equals("Permanent")) {
            Map<?, ?> bounce = map(event.get("bounce"));
            return Optional.of(new RecordMailFeedback.Report(recipient.get().storeId(), recipient.get().customerId(),
                    EmailProblem.BOUNCING, String.valueOf(bounce.get("bounceSubType")),
                    addresses(bounce.get("bouncedRecipients"))));
        }
        if ("Complaint".equals(type)) {
            Map<?, ?> complaint = map(event.get("complaint"));
            return Optional.of(new RecordMailFeedback.Report(recipient.get().storeId(), recipient.get().customerId(),
                    EmailProblem.COMPLAINED, String.valueOf(complaint.get("complaintFeedbackType")),
                    addresses(complaint.get("complainedRecipients"))));
        }
        return Optional.empty();
    }

    private static Optional<RecipientTag.Recipient> recipient(Map<?, ?> event) {
        if (map(map(event.get("mail")).get("tags")).get(RecipientTag.NAME) instanceof List<?> values
                && !values.isEmpty() && values.get(0) instanceof String value) {
            return RecipientTag.decode(value);
        }
        return Optional.empty();
    }

    private static List<EmailAddress> addresses(Object recipients) {
        if (!(recipients instanceof List<?> list)) {
            return List.of();
        }
        return list.stream()
                .map(recipient -> map(recipient).get("emailAddress"))
                .filter(String.class::isInstance)
                .map(address -> EmailAddress.parse((String) address))
                .flatMap(Optional::stream)
                .toList();
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }
}
