package dev.portallogin.delivermessage;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.EmailMessage;
import dev.portallogin.core.domain.MessageEvents;
import dev.portallogin.core.domain.OutgoingMessage;
import dev.portallogin.core.domain.PhoneNumber;
import dev.portallogin.core.domain.SmsMessage;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.log.Log;
import dev.portallogin.core.log.Metrics;
import dev.portallogin.core.port.Stores;
import dev.portallogin.core.port.AuditLog;
import dev.portallogin.core.port.Customers;
import dev.portallogin.core.port.DeliveryException;
import dev.portallogin.core.port.DeliveryRecords;
import dev.portallogin.core.port.Mailer;
import dev.portallogin.core.port.SmsSender;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one queued message: the email through SES or the SMS through SNS. It trusts nothing the message says about
 * where it goes: an email is sent only from its store's sender to the address on file for its customer (or, for the
 * notice of an email change, to the address just replaced), an SMS only to the phone on file and a country the
 * store texts; anything else is dropped. A message is sent at most once: it is claimed with one conditional write
 * before sending, so of two copies handled at once one sends; a send that fails in a way that may pass gives the
 * claim back and the queue retries it. Nothing is sent after the message expired (its code or link no longer
 * works), nor again after the service refused it for good. Each failed try goes into the customer's trail with what
 * the service answered; on the queue's last try, the failure is recorded as the message being dead-lettered, which
 * is where the queue moves it next.
 */
public record DeliverMessage(Stores stores, Customers customers, Mailer mailer, SmsSender sms, DeliveryRecords records,
                             AuditLog audit, Clock clock) {

    /** What happened to a message; every outcome but a thrown failure removes it from the queue. */
    public enum Outcome { SENT, ALREADY_SENT, EXPIRED, REFUSED, NOT_ON_FILE }

    /** A copy of a message can still arrive this long after it expired: the claim outlives that. */
    private static final Duration CLAIM_MARGIN = Duration.ofHours(1);

    /** @throws DeliveryException a failure that may pass (throttling, an outage): retry later */
    public Outcome deliver(OutgoingMessage message) {
        return deliver(message, false);
    }

    /**
     * @param lastTry the queue hands this message out for the last time: a failure now moves it to the dead-letter
     *                queue, and the trail says so
     * @throws DeliveryException a failure that may pass (throttling, an outage): retry later
     */
    public Outcome deliver(OutgoingMessage message, boolean lastTry) {
        if (message.isExpiredAt(clock.instant())) {
            audit.record(MessageEvents.of(message, "dropped", clock.instant(), Map.of("reason", "expired")));
            return dropped(message, "expired", Outcome.EXPIRED);
        }
        Optional<Store> store = storeIfAddressedAsOnFile(message);
        if (store.isEmpty()) {
            return dropped(message, "not_on_file", Outcome.NOT_ON_FILE);
        }
        if (!records.claim(message.id(), message.expiresAt().plus(CLAIM_MARGIN))) {
            Log.info("message_dropped", "reason", "already_sent", "channel", message.channel());
            return Outcome.ALREADY_SENT;
        }
        String providerId;
        try {
            providerId = message.email() != null
                    ? mailer.send(message.email().sentBy(store.get()), message.id())
                    : sms.send(message.sms().to(), message.sms().text());
        } catch (DeliveryException failure) {
            Log.warn("delivery_failed", "channel", message.channel(), "purpose", message.purpose(),
                    "permanent", failure.permanent(), "cause", failure.getCause().getClass().getSimpleName());
            Metrics.count("DeliveryFailures", "Channel", message.channel());
            if (failure.permanent()) {
                audit.record(MessageEvents.of(message, "rejected", clock.instant(),
                        Map.of("reason", "refused by the " + (message.email() != null ? "mail" : "SMS") + " service")));
                return Outcome.REFUSED;
            }
            records.release(message.id());
            String service = "the " + (message.email() != null ? "mail" : "SMS") + " service answered "
                    + failure.reason();
            audit.record(MessageEvents.of(message, lastTry ? "dead_lettered" : "failed", clock.instant(),
                    Map.of("reason", lastTry ? "sending failed on every try; " + service : service)));
            throw failure;
        }
        Log.info("message_sent", "channel", message.channel(), "purpose", message.purpose(),
                "store", message.storeId(), "customer", message.customerId());
        Metrics.count(message.email() != null ? "EmailsSent" : "SmsSent");
        audit.record(MessageEvents.of(message, "sent", clock.instant(), providerId == null || providerId.isEmpty()
                ? Map.of() : Map.of("providerId", providerId)));
        return Outcome.SENT;
    }

    private static Outcome dropped(OutgoingMessage message, String reason, Outcome outcome) {
        Log.info("message_dropped", "reason", reason, "channel", message.channel(), "purpose", message.purpose(),
                "store", message.storeId());
        Metrics.count("MessagesDropped", "Reason", reason);
        return outcome;
    }

    /**
     * The message's store, when the message goes where its store and customer say it may, whatever its producer
     * wrote; empty otherwise.
     */
    private Optional<Store> storeIfAddressedAsOnFile(OutgoingMessage message) {
        Optional<Store> store = stores.findStore(message.storeId());
        Optional<Customer> customer = customers.findCustomer(message.storeId(), message.customerId());
        if (store.isEmpty() || customer.isEmpty()) {
            return Optional.empty();
        }
        boolean asOnFile = message.email() != null
                ? emailAsOnFile(message.purpose(), message.email(), store.get(), customer.get())
                : smsAsOnFile(message.sms(), store.get(), customer.get());
        return asOnFile ? store : Optional.empty();
    }

    private static boolean emailAsOnFile(String purpose, EmailMessage email, Store store, Customer customer) {
        if (!store.emailFrom().equalsIgnoreCase(email.from())) {
            return false;
        }
        String to = email.to().lookupKey();
        boolean onFile = EmailAddress.parse(customer.email()).filter(address -> address.lookupKey().equals(to))
                .isPresent();
        boolean replaced = OutgoingMessage.EMAIL_CHANGED.equals(purpose) && EmailAddress.parse(customer.previousEmail())
                .filter(address -> address.lookupKey().equals(to)).isPresent();
        return onFile || replaced;
    }

    private static boolean smsAsOnFile(SmsMessage sms, Store store, Customer customer) {
        return sms.to().equals(customer.phoneE164())
                && PhoneNumber.fromE164(sms.to()).filter(store::allowsSmsTo).isPresent();
    }
}
