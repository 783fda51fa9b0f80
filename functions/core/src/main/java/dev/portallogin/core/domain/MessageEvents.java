package dev.portallogin.core.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What happened to a message on its way to the customer, as entries in her trail: queued, sent (with the mail or SMS
 * service's id), delivered, delayed, bounced, complained, rejected or dropped, each with the id of the message it
 * is about so the dashboard can show one line per message. The mail system's activity, kept as long as the rest of
 * her activity (90 days). Addresses and numbers are masked; a message's content is never recorded.
 */
public final class MessageEvents {

    /** Every such entry's action starts with this, then the state: {@code message_delivered}. */
    public static final String PREFIX = "message_";

    private MessageEvents() {
    }

    /** A state of a message this service queued or sent, with what it knows of it. */
    public static AuditEntry of(OutgoingMessage message, String state, Instant at, Map<String, String> more) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("messageId", message.id());
        details.put("channel", message.channel());
        details.put("kind", message.purpose());
        details.put("to", message.email() != null ? message.email().to().masked()
                : "•••" + message.sms().to().substring(Math.max(0, message.sms().to().length() - 4)));
        details.putAll(more);
        return new AuditEntry(message.storeId(), message.customerId(), PREFIX + state, Actor.mailSystem(), at,
                details);
    }

    /** A state the mail service reported about an email it was given, by the id this service tagged it with. */
    public static AuditEntry reported(String storeId, String customerId, String messageId, String state, Instant at,
                                      Map<String, String> more) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("messageId", messageId);
        details.put("channel", "email");
        details.putAll(more);
        return new AuditEntry(storeId, customerId, PREFIX + state, Actor.mailSystem(), at, details);
    }
}
