package dev.portallogin.verifylink;

import dev.portallogin.core.config.Config;
import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.MagicLinkToken;
import dev.portallogin.core.domain.PortalFailure.InvalidLink;
import dev.portallogin.core.domain.Session;
import dev.portallogin.core.log.Log;
import dev.portallogin.core.log.Metrics;
import dev.portallogin.core.port.CustomerDirectory;
import dev.portallogin.core.port.LoginStore;
import dev.portallogin.core.port.LoginStore.StoredLink;
import dev.portallogin.core.port.LoginStore.StoredSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A customer follows a magic link: the link is marked used and a session starts, both or neither. A link that no
 * longer works is no dead end: a customer already signed in as its owner simply continues, anyone else learns where
 * a new code can be sent.
 */
public final class ConsumeMagicLink {

    /** The signed-in customer; {@code newSession} is empty when they were signed in already. */
    public record SignedIn(String storeId, String customerId, Instant expiresAt, Optional<Session> newSession) {
    }

    private final LoginStore logins;
    private final CustomerDirectory directory;
    private final PortalSessions sessions;
    private final Config config;
    private final Clock clock;

    public ConsumeMagicLink(LoginStore logins, CustomerDirectory directory, PortalSessions sessions, Config config,
                            Clock clock) {
        this.logins = logins;
        this.directory = directory;
        this.sessions = sessions;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @param sessionCookie the caller's {@code portal_session} cookie, if any
     * @throws InvalidLink malformed, unknown, used, replaced, expired or revoked link
     */
    public SignedIn consume(String rawToken, Optional<String> sessionCookie) {
        MagicLinkToken token = MagicLinkToken.parse(rawToken).orElseThrow(() -> refused("malformed"));
        StoredLink link = logins.findLink(token.hash()).orElseThrow(() -> refused("unknown"));
        Instant now = clock.instant();
        if (link.isLiveAt(now)) {
            String method = link.isAgentLink() ? "agent-link" : "link";
            Session session = Session.start(link.storeId(), link.customerId(), method, now,
                    config.sessionLifetime());
            AuditEntry signIn = new AuditEntry(link.storeId(), link.customerId(), "signed_in", Actor.customer(), now,
                    link.sentTo() == null ? Map.of("method", method) : Map.of("method", method, "identifier",
                            link.sentTo()));
            if (logins.consumeLink(link, session, now, signIn)) {
                Log.info("signed_in", "store", link.storeId(), "customer", link.customerId(), "method", method);
                Metrics.count("Logins", "Method", method);
                return new SignedIn(link.storeId(), link.customerId(), session.expiresAt(), Optional.of(session));
            }
        }
        Optional<StoredSession> current = sessionCookie.flatMap(sessions::current)
                .map(PortalSessions.SignedIn::session)
                .filter(session -> session.storeId().equals(link.storeId())
                        && session.customerId().equals(link.customerId()));
        if (current.isPresent()) {
            Log.info("link_reopened_while_signed_in", "store", link.storeId(), "customer", link.customerId());
            return new SignedIn(link.storeId(), link.customerId(), current.get().expiresAt(), Optional.empty());
        }
        String reason = link.usedAt() != null ? "link_used" : "link_expired_replaced_or_revoked";
        Log.info("link_refused", "reason", reason);
        Metrics.count("LoginFailures", "Reason", reason);
        String identifier = directory.findCustomer(link.storeId(), link.customerId())
                .map(ConsumeMagicLink::identifierOf).orElse(null);
        throw new InvalidLink(link.storeId(), identifier);
    }

    private static String identifierOf(Customer customer) {
        return customer.deliverableEmail().map(EmailAddress::value).orElse(customer.phoneE164());
    }

    private static InvalidLink refused(String reason) {
        Log.info("link_refused", "reason", reason);
        Metrics.count("LoginFailures", "Reason", "link_" + reason);
        return new InvalidLink();
    }
}
