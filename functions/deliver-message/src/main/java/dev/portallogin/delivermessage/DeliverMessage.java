package dev.portallogin.delivermessage;

import dev.portallogin.core.domain.OutgoingMessage;
import dev.portallogin.core.log.Log;
import dev.portallogin.core.log.Metrics;
import dev.portallogin.core.port.DeliveryException;
import dev.portallogin.core.port.DeliveryRecords;
import dev.portallogin.core.port.Mailer;
import dev.portallogin.core.port.SmsSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends one queued message: the email through SES or the SMS through SNS. A message is sent at most once (its id is
 * recorded after sending and checked before), never after it expired (its code or link no longer works), and never
 * again after the service refused it for good; a failure that may pass is thrown, and the queue retries it.
 */
public record DeliverMessage(Mailer mailer, SmsSender sms, DeliveryRecords records, Clock clock) {

    /** What happened to a message; every outcome but a thrown failure removes it from the queue. */
    public enum Outcome { SENT, ALREADY_SENT, EXPIRED, REFUSED }

    /** A copy of a message can still arrive this long after it expired: the record of its sending outlives that. */
    private static final Duration RECORD_MARGIN = Duration.ofHours(1);

    /** @throws DeliveryException a failure that may pass (throttling, an outage): retry later */
    public Outcome deliver(OutgoingMessage message) {
        if (message.isExpiredAt(clock.instant())) {
            Log.info("message_dropped", "reason", "expired", "channel", message.channel(),
                    "purpose", message.purpose());
            Metrics.count("MessagesDropped", "Reason", "expired");
            return Outcome.EXPIRED;
        }
        if (records.wasDelivered(message.id())) {
            Log.info("message_dropped", "reason", "already_sent", "channel", message.channel());
            return Outcome.ALREADY_SENT;
        }
        try {
            if (message.email() != null) {
                mailer.send(message.email());
            } else {
                sms.send(message.sms().to(), message.sms().text());
            }
        } catch (DeliveryException failure) {
            Log.warn("delivery_failed", "channel", message.channel(), "purpose", message.purpose(),
                    "permanent", failure.permanent(), "cause", failure.getCause().getClass().getSimpleName());
            Metrics.count("DeliveryFailures", "Channel", message.channel());
            if (failure.permanent()) {
                return Outcome.REFUSED;
            }
            throw failure;
        }
        remember(message);
        Log.info("message_sent", "channel", message.channel(), "purpose", message.purpose(),
                "store", message.storeId(), "customer", message.customerId());
        Metrics.count(message.email() != null ? "EmailsSent" : "SmsSent");
        return Outcome.SENT;
    }

    /**
     * The message went out: failing to record that must not make the queue send it again, so a failure here is
     * logged and the message still counts as sent.
     */
    private void remember(OutgoingMessage message) {
        Instant keepUntil = message.expiresAt().plus(RECORD_MARGIN);
        try {
            records.recordDelivered(message.id(), keepUntil);
        } catch (RuntimeException notRecorded) {
            Log.warn("delivery_not_recorded", "type", notRecorded.getClass().getSimpleName());
        }
    }
}
