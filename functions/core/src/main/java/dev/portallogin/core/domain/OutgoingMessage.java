package dev.portallogin.core.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One email or one text message, rendered in full, on its way to the customer through the delivery queue. Each
 * channel is its own message, so a retry of one never sends the other again; {@link #id()} is how the deliverer
 * knows it sent a message already. A message whose {@link #expiresAt()} has passed is worthless (the code or link in
 * it no longer works) and is dropped unsent.
 *
 * @param purpose what it is for, for logs and metrics: {@code login}, {@code code-login-paused},
 *                {@code agent-link} or {@code email-changed}
 */
public record OutgoingMessage(String id, String purpose, Instant expiresAt, EmailMessage email, SmsMessage sms) {

    /** The notice of an email change, the one message that may go to the address just replaced. */
    public static final String EMAIL_CHANGED = "email-changed";

    public OutgoingMessage {
        if ((email == null) == (sms == null)) {
            throw new IllegalArgumentException("a message goes to exactly one channel");
        }
    }

    public static OutgoingMessage email(String purpose, EmailMessage email, Instant expiresAt) {
        return new OutgoingMessage(UUID.randomUUID().toString(), purpose, expiresAt, email, null);
    }

    public static OutgoingMessage sms(String purpose, SmsMessage sms, Instant expiresAt) {
        return new OutgoingMessage(UUID.randomUUID().toString(), purpose, expiresAt, null, sms);
    }

    public String channel() {
        return email != null ? "email" : "sms";
    }

    public String storeId() {
        return email != null ? email.storeId() : sms.storeId();
    }

    public String customerId() {
        return email != null ? email.customerId() : sms.customerId();
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Never the content: it may hold a code or a link. */
    @Override
    public String toString() {
        return "OutgoingMessage[" + id + ", " + purpose + ", " + channel() + "]";
    }
}
