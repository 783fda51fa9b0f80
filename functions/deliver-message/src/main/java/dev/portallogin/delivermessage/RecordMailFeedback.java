package dev.portallogin.delivermessage;

import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.MessageEvents;
import dev.portallogin.core.log.Log;
import dev.portallogin.core.log.Metrics;
import dev.portallogin.core.port.AuditLog;
import dev.portallogin.core.port.CustomerAccounts;
import dev.portallogin.core.port.CustomerAccounts.EmailProblem;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * SES reports that a login email bounced for good or that its reader marked it as spam: the customer's address is
 * marked, so no more login mail goes there, request-code texts the code where it may instead, and the dashboard
 * tells the agent to fix the address (an agent's email change clears the mark). A report about an address the
 * customer no longer has changes nothing.
 */
public final class RecordMailFeedback {

    /**
     * One report, as SES sends it through the configuration set's event destination.
     *
     * @param problem   bouncing (a permanent bounce) or complained
     * @param detail    SES's sub-type: {@code General}, {@code NoEmail}, {@code Suppressed}, {@code abuse}…
     * @param addresses the recipients the report is about
     */
    public record Report(String storeId, String customerId, EmailProblem problem, String detail,
                         List<EmailAddress> addresses) {
    }

    private final CustomerAccounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    public RecordMailFeedback(CustomerAccounts accounts, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Puts what SES reported about one message into the customer's trail, beside the message's other states. */
    void record(SesNotifications.MessageReport report) {
        audit.record(MessageEvents.reported(report.storeId(), report.customerId(), report.messageId(),
                report.state(), clock.instant(), report.details()));
        Log.info("message_reported", "store", report.storeId(), "customer", report.customerId(),
                "state", report.state());
    }

    /** @return how many customers were marked */
    public int record(Report report) {
        int marked = 0;
        for (EmailAddress address : report.addresses()) {
            String action = report.problem() == EmailProblem.BOUNCING ? "email_bounced" : "email_complained";
            AuditEntry entry = new AuditEntry(report.storeId(), report.customerId(), action, Actor.mailSystem(),
                    clock.instant(), Map.of("address", address.masked(), "detail", String.valueOf(report.detail())));
            if (accounts.markEmailProblem(report.storeId(), report.customerId(), address, report.problem(), entry)) {
                marked++;
                Metrics.count("EmailProblems", "Kind", report.problem().name().toLowerCase(java.util.Locale.ROOT));
            }
            Log.info("mail_feedback", "store", report.storeId(), "customer", report.customerId(),
                    "problem", report.problem(), "address", address.masked(), "marked", marked > 0);
        }
        return marked;
    }
}
