package dev.portallogin.delivermessage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.adapter.ses.RecipientTag;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.port.CustomerAccounts.EmailProblem;
import dev.portallogin.core.testing.Fakes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SES's bounce and complaint reports, read from the notification JSON and recorded on the customer. */
class RecordMailFeedbackTest {

    private final Fakes fakes = new Fakes();
    private final RecordMailFeedback recordMailFeedback = new RecordMailFeedback(fakes.accounts, fakes.audit,
            fakes.clock);
    private final Store store = fakes.store("acme");
    private final Customer jane = fakes.customer(store, "jane@example.com", "+12015550123");

    private String notification(String type, String body) {
        return """
                {"eventType":"%s","mail":{"tags":{"%s":["%s"]}},%s}"""
                .formatted(type, RecipientTag.NAME, RecipientTag.encode(store.storeId(), jane.customerId()), body);
    }

    private Customer stored() {
        return fakes.directory.findCustomer(store.storeId(), jane.customerId()).orElseThrow();
    }

    @Test
    void aPermanentBounceMarksTheAddressAndTellsTheTrail() {
        var report = SesNotifications.report(notification("Bounce", """
                "bounce":{"bounceType":"Permanent","bounceSubType":"General",
                 "bouncedRecipients":[{"emailAddress":"jane@example.com"}]}""")).orElseThrow();

        assertThat(recordMailFeedback.record(report)).isEqualTo(1);

        assertThat(stored().emailBouncing()).isTrue();
        assertThat(stored().deliverableEmail()).isEmpty();
        assertThat(fakes.audit.list(store.storeId(), jane.customerId(), 10)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("email_bounced");
            assertThat(entry.details()).isEqualTo(Map.of("address", "j***@example.com", "detail", "General"));
        });
    }

    private String tagged(String type, String body) {
        return """
                {"eventType":"%s","mail":{"tags":{"%s":["%s"],"%s":["m-42"]}},%s}"""
                .formatted(type, RecipientTag.NAME, RecipientTag.encode(store.storeId(), jane.customerId()),
                        RecipientTag.MESSAGE, body);
    }

    @Test
    void whatSesReportsAboutATaggedEmailBecomesItsStateInTheTrail() {
        SesNotifications.messageReport(tagged("Delivery", "\"delivery\":{}")).ifPresent(recordMailFeedback::record);
        SesNotifications.messageReport(tagged("Bounce", """
                "bounce":{"bounceType":"Transient","bounceSubType":"MailboxFull","bouncedRecipients":[
                 {"emailAddress":"jane@example.com","diagnosticCode":"smtp; 452 4.2.2 Mailbox full"}]}"""))
                .ifPresent(recordMailFeedback::record);

        assertThat(fakes.audit.list(store.storeId(), jane.customerId(), 10)).extracting(entry -> entry.action(),
                entry -> entry.details()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("message_bounced", Map.of("messageId", "m-42",
                                "channel", "email", "bounceType", "Transient", "bounceSubType", "MailboxFull",
                                "diagnostic", "smtp; 452 4.2.2 Mailbox full")),
                        org.assertj.core.groups.Tuple.tuple("message_delivered", Map.of("messageId", "m-42",
                                "channel", "email")));
        assertThat(stored().emailBouncing()).as("a transient bounce marks nothing").isFalse();
        assertThat(SesNotifications.messageReport(notification("Delivery", "\"delivery\":{}"))).as("untagged")
                .isEmpty();
    }

    @Test
    void aComplaintMarksTheAddress() {
        var report = SesNotifications.report(notification("Complaint", """
                "complaint":{"complaintFeedbackType":"abuse",
                 "complainedRecipients":[{"emailAddress":"jane@example.com"}]}""")).orElseThrow();

        recordMailFeedback.record(report);

        assertThat(stored().emailComplained()).isTrue();
        assertThat(report.problem()).isEqualTo(EmailProblem.COMPLAINED);
    }

    @Test
    void aReportAboutAnAddressTheCustomerNoLongerHasChangesNothing() {
        var report = SesNotifications.report(notification("Bounce", """
                "bounce":{"bounceType":"Permanent","bounceSubType":"General",
                 "bouncedRecipients":[{"emailAddress":"old@example.com"}]}""")).orElseThrow();

        assertThat(recordMailFeedback.record(report)).isZero();

        assertThat(stored().emailBouncing()).isFalse();
        assertThat(fakes.audit.all()).extracting(AuditEntry::action).isEmpty();
    }

    @Test
    void transientBouncesDeliveriesUntaggedMailAndNonsenseAreNoReport() {
        assertThat(SesNotifications.report(notification("Bounce", """
                "bounce":{"bounceType":"Transient","bouncedRecipients":[{"emailAddress":"jane@example.com"}]}""")))
                .isEmpty();
        assertThat(SesNotifications.report(notification("Delivery", "\"delivery\":{}"))).isEmpty();
        assertThat(SesNotifications.report("""
                {"eventType":"Complaint","mail":{},"complaint":{"complainedRecipients":[]}}""")).isEmpty();
        assertThat(SesNotifications.report("not json")).isEmpty();
        assertThat(SesNotifications.report("[1,2]")).isEmpty();
    }
}
