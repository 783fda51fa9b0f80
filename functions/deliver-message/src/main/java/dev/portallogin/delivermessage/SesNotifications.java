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
        Map<?, ?> event = parse(notification);
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

    /**
     * What SES reported about one email this service tagged with its message id: delivered, delayed, bounced
     * (permanent or transient, with the receiving server's diagnostic), complained or rejected, in the state names
     * of {@link dev.portallogin.core.domain.MessageEvents}; empty for any other event or a message not tagged.
     */
    static Optional<MessageReport> messageReport(String notification) {
        Map<?, ?> event = parse(notification);
        Object type = event.get("eventType") != null ? event.get("eventType") : event.get("notificationType");
        Optional<RecipientTag.Recipient> recipient = recipient(event);
        Optional<String> messageId = tag(event, RecipientTag.MESSAGE);
        if (recipient.isEmpty() || messageId.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> details = new java.util.LinkedHashMap<>();
        String state;
        switch (String.valueOf(type)) {
            case "Delivery" -> state = "delivered";
            case "DeliveryDelay" -> {
                state = "delayed";
                put(details, "delay", map(event.get("deliveryDelay")).get("delayType"));
            }
            case "Bounce" -> {
                state = "bounced";
                Map<?, ?> bounce = map(event.get("bounce"));
                put(details, "bounceType", bounce.get("bounceType"));
                put(details, "bounceSubType", bounce.get("bounceSubType"));
                if (bounce.get("bouncedRecipients") instanceof List<?> bounced && !bounced.isEmpty()) {
                    put(details, "diagnostic", map(bounced.get(0)).get("diagnosticCode"));
                }
            }
            case "Complaint" -> {
                state = "complained";
                put(details, "feedback", map(event.get("complaint")).get("complaintFeedbackType"));
            }
            case "Reject" -> {
                state = "rejected";
                put(details, "reason", map(event.get("reject")).get("reason"));
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new MessageReport(recipient.get().storeId(), recipient.get().customerId(),
                messageId.get(), state, details));
    }

    /** One state SES reported for one message. */
    record MessageReport(String storeId, String customerId, String messageId, String state,
                         Map<String, String> details) {
    }

    private static void put(Map<String, String> details, String name, Object value) {
        if (value instanceof String text && !text.isBlank()) {
            details.put(name, text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    private static Optional<String> tag(Map<?, ?> event, String name) {
        if (map(map(event.get("mail")).get("tags")).get(name) instanceof List<?> values
                && !values.isEmpty() && values.get(0) instanceof String value && RecipientTag.isTagValue(value)) {
            return Optional.of(value);
        }
        return Optional.empty();
    }

    /** The event SES published, or an empty one for anything that is not a JSON object. */
    private static Map<?, ?> parse(String notification) {
        try {
            return Json.parse(notification) instanceof Map<?, ?> parsed ? parsed : Map.of();
        } catch (IOException | RuntimeException notJson) {
            return Map.of();
        }
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
