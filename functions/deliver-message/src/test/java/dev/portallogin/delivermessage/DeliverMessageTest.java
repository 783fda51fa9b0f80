package dev.portallogin.delivermessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.EmailMessage;
import dev.portallogin.core.domain.OutgoingMessage;
import dev.portallogin.core.domain.SmsMessage;
import dev.portallogin.core.port.DeliveryException;
import dev.portallogin.core.testing.Fakes;
import dev.portallogin.delivermessage.DeliverMessage.Outcome;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Sending a queued message: once, not after it expired, and retried only when a retry can help. */
class DeliverMessageTest {

    private final Fakes fakes = new Fakes();
    private final DeliverMessage deliverMessage = new DeliverMessage(fakes.mailer, fakes.sms, fakes.deliveryRecords,
            fakes.clock);

    private OutgoingMessage email() {
        return OutgoingMessage.email("login", new EmailMessage("acme", "cus-1", "login@acme.example",
                EmailAddress.parse("jane@example.com").orElseThrow(), "1234 is your code", "text", "<p>html</p>"),
                fakes.clock.instant().plus(Duration.ofMinutes(10)));
    }

    private OutgoingMessage sms() {
        return OutgoingMessage.sms("login", new SmsMessage("acme", "cus-1", "+12015550123", "1234 is your code"),
                fakes.clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void anEmailAndAnSmsGoOutThroughTheirChannels() {
        assertThat(deliverMessage.deliver(email())).isEqualTo(Outcome.SENT);
        assertThat(deliverMessage.deliver(sms())).isEqualTo(Outcome.SENT);

        assertThat(fakes.mailer.sent).extracting(sent -> sent.to().value()).containsExactly("jane@example.com");
        assertThat(fakes.sms.sent).extracting(sent -> sent.to()).containsExactly("+12015550123");
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
    void aFailureThatMayPassIsThrownSoTheQueueRetriesAndNothingIsRecorded() {
        OutgoingMessage message = sms();
        fakes.sms.failNext(new DeliveryException("sms", new IOException("throttled"), false));

        assertThatThrownBy(() -> deliverMessage.deliver(message)).isInstanceOf(DeliveryException.class);

        assertThat(fakes.deliveryRecords.wasDelivered(message.id())).isFalse();
        assertThat(deliverMessage.deliver(message)).isEqualTo(Outcome.SENT);
    }

    @Test
    void aPermanentRefusalIsNotRetried() {
        fakes.mailer.failNext(new DeliveryException("email", new IOException("MessageRejected"), true));

        assertThat(deliverMessage.deliver(email())).isEqualTo(Outcome.REFUSED);
        assertThat(fakes.mailer.sent).isEmpty();
    }
}
