package dev.portallogin.delivermessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.EmailMessage;
import dev.portallogin.core.domain.OutgoingMessage;
import dev.portallogin.core.domain.SmsMessage;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.port.DeliveryException;
import dev.portallogin.core.testing.Fakes;
import dev.portallogin.delivermessage.DeliverMessage.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sending a queued message: only where the store and customer on file say it may go, once, not after it expired,
 * and retried only when a retry can help.
 */
class DeliverMessageTest {

    private final Fakes fakes = new Fakes();
    private final DeliverMessage deliverMessage = new DeliverMessage(fakes.stores, fakes.customers, fakes.mailer,
            fakes.sms,
            fakes.deliveryRecords, fakes.audit, fakes.clock);
    private final Store store = fakes.store("acme", "US");
    private final Customer jane = fakes.customer(store, "jane@example.com", "+12015550123");

    private OutgoingMessage email(String purpose, String from, String to) {
        return OutgoingMessage.email(purpose, new EmailMessage("acme", jane.customerId(), from,
                EmailAddress.parse(to).orElseThrow(), "1234 is your code", "text", "<p>html</p>"),
                fakes.clock.instant().plus(Duration.ofMinutes(10)));
    }

    private OutgoingMessage email() {
        return email("login", store.emailFrom(), "jane@example.com");
    }

    private OutgoingMessage sms(String to) {
        return OutgoingMessage.sms("login", new SmsMessage("acme", jane.customerId(), to, "1234 is your code"),
                fakes.clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void anEmailAndAnSmsGoOutThroughTheirChannels() {
        assertThat(deliverMessage.deliver(email())).isEqualTo(Outcome.SENT);
        assertThat(deliverMessage.deliver(sms(jane.phoneE164()))).isEqualTo(Outcome.SENT);

        assertThat(fakes.mailer.sent).extracting(sent -> sent.to().value()).containsExactly("jane@example.com");
        assertThat(fakes.sms.sent).extracting(sent -> sent.to()).containsExactly("+12015550123");
    }

    @Test
    void whatHappenedToEachMessageGoesIntoTheCustomersTrailWithoutItsContent() {
        OutgoingMessage sent = email();
        OutgoingMessage late = sms(jane.phoneE164());
        deliverMessage.deliver(sent);
        fakes.clock.advance(Duration.ofMinutes(11));
        deliverMessage.deliver(late);

        assertThat(fakes.mailer.messageIds).containsExactly(sent.id());
        assertThat(fakes.audit.list("acme", jane.customerId(), 10)).extracting(entry -> entry.action(),
                entry -> entry.details()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("message_dropped", java.util.Map.of("messageId", late.id(),
                                "channel", "sms", "kind", "login", "to", "•••0123", "reason", "expired")),
                        org.assertj.core.groups.Tuple.tuple("message_sent", java.util.Map.of("messageId", sent.id(),
                                "channel", "email", "kind", "login", "to", "j***@example.com", "providerId", "ses-1")));
        assertThat(fakes.audit.all().toString()).doesNotContain("1234");
    }

    @Test
    void anEmailToAnAddressNotOnFileOrFromAnotherSenderIsDropped() {
        fakes.store("other", "US");

        assertThat(deliverMessage.deliver(email("login", store.emailFrom(), "attacker@example.net")))
                .isEqualTo(Outcome.NOT_ON_FILE);
        assertThat(deliverMessage.deliver(email("login", "login@other.example", "jane@example.com")))
                .isEqualTo(Outcome.NOT_ON_FILE);
        assertThat(fakes.mailer.sent).isEmpty();
    }

    @Test
    void anSmsToAnotherNumberOrADisallowedCountryIsDropped() {
        Customer abroad = fakes.customer(store, "abroad@example.com", "+447400123456");

        assertThat(deliverMessage.deliver(sms("+12015550199"))).isEqualTo(Outcome.NOT_ON_FILE);
        assertThat(deliverMessage.deliver(OutgoingMessage.sms("login", new SmsMessage("acme", abroad.customerId(),
                abroad.phoneE164(), "1234"), fakes.clock.instant().plusSeconds(600)))).isEqualTo(Outcome.NOT_ON_FILE);
        assertThat(fakes.sms.sent).isEmpty();
    }

    @Test
    void theNoticeOfAnEmailChangeMayGoToTheAddressJustReplacedAndNothingElseMay() {
        fakes.directory.changeEmail(jane, EmailAddress.parse("jane.new@example.com").orElseThrow(),
                fakes.clock.instant(), new AuditEntry("acme", jane.customerId(), "email_changed", Actor.mailSystem(),
                        fakes.clock.instant(), Map.of()));

        assertThat(deliverMessage.deliver(email(OutgoingMessage.EMAIL_CHANGED, store.emailFrom(),
                "jane@example.com"))).isEqualTo(Outcome.SENT);
        assertThat(deliverMessage.deliver(email("login", store.emailFrom(), "jane@example.com")))
                .isEqualTo(Outcome.NOT_ON_FILE);
    }

    @Test
    void aMessageTheQueueHandsOutTwiceIsSentOnce() {
        OutgoingMessage message = email();

        deliverMessage.deliver(message);

        assertThat(deliverMessage.deliver(message)).isEqualTo(Outcome.ALREADY_SENT);
        assertThat(fakes.mailer.sent).hasSize(1);
    }

    @Test
    void aCodeThatExpiredWhileQueuedIsNotSent() {
        OutgoingMessage message = email();
        fakes.clock.advance(Duration.ofMinutes(10));

        assertThat(deliverMessage.deliver(message)).isEqualTo(Outcome.EXPIRED);
        assertThat(fakes.mailer.sent).isEmpty();
    }

    @Test
    void aFailureThatMayPassGivesTheClaimBackSoTheQueueRetrySends() {
        OutgoingMessage message = sms(jane.phoneE164());
        fakes.sms.failNext(new DeliveryException("sms", new IOException("throttled"), false));

        assertThatThrownBy(() -> deliverMessage.deliver(message)).isInstanceOf(DeliveryException.class);

        assertThat(deliverMessage.deliver(message)).isEqualTo(Outcome.SENT);
        assertThat(fakes.sms.sent).hasSize(1);
    }

    @Test
    void aPermanentRefusalIsNotRetried() {
        fakes.mailer.failNext(new DeliveryException("email", new IOException("MessageRejected"), true));
        OutgoingMessage message = email();

        assertThat(deliverMessage.deliver(message)).isEqualTo(Outcome.REFUSED);
        assertThat(deliverMessage.deliver(message)).isEqualTo(Outcome.ALREADY_SENT);
        assertThat(fakes.mailer.sent).isEmpty();
    }
}
