package dev.portallogin.verifylink;

import dev.portallogin.core.domain.LoginPolicy;
import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.BrowserToken;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Brand;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.Language;
import dev.portallogin.core.domain.PhoneNumber;
import dev.portallogin.core.domain.MagicLinkToken;
import dev.portallogin.core.domain.PortalFailure.ForbiddenOrigin;
import dev.portallogin.core.domain.PortalFailure.InvalidLink;
import dev.portallogin.core.domain.PortalFailure.InvalidLink.Reason;
import dev.portallogin.core.domain.RequestOrigin;
import dev.portallogin.core.domain.Session;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.log.Log;
import dev.portallogin.core.log.Metrics;
import dev.portallogin.core.port.Stores;
import dev.portallogin.core.port.Customers;
import dev.portallogin.core.port.LoginStore;
import dev.portallogin.core.port.LoginStore.StoredLink;
import dev.portallogin.core.port.LoginStore.StoredSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A customer follows a magic link. Opening it spends nothing: the page asks what the link is ({@link #inspect}),
 * and signs in at once only in the browser that asked for it; anywhere else (another device, a mail scanner that runs
 * scripts, a link someone forwarded, an agent's link) it names the store and the masked address and waits for a
 * click. Signing in ({@link #consume}) marks the link used and starts a session, both or neither. A link that no
 * longer works is no dead end: its signed-in owner simply continues, anyone else learns why and for which store a
 * new code can be asked, and nothing about the customer once support revoked it or changed their email.
 */
public final class ConsumeMagicLink {

    /** The signed-in customer; {@code newSession} is empty when they were signed in already. */
    public record SignedIn(String storeId, String customerId, Instant expiresAt, Optional<Session> newSession) {
    }

    /** What opening a link shows. */
    public enum State {
        /** Signs in without a click: this is the browser that asked for the code. */
        SIGN_IN_NOW,
        /** Signs in on a click: shows "Continue as … to …". */
        CONFIRM,
        /** Spent or expired, but its owner is signed in here: nothing to do. */
        ALREADY_SIGNED_IN,
        /** Does not sign in; {@code refusal} says why. */
        REFUSED
    }

    /**
     * A link as its page presents it.
     *
     * @param sentTo    the masked address it was emailed to, or for an agent's link the customer's masked address
     * @param refusal   why it does not sign in, for {@link State#REFUSED}
     * @param brand     the link's store's brand (its languages among them), {@link Brand#NONE} when unknown
     * @param agentLink a support agent made the link
     */
    public record LinkView(State state, String storeName, String sentTo, InvalidLink refusal, Brand brand,
                           boolean agentLink) {

        public LinkView(State state, String storeName, String sentTo, InvalidLink refusal) {
            this(state, storeName, sentTo, refusal, Brand.NONE, false);
        }
    }

    private final LoginStore logins;
    private final Stores stores;
    private final Customers customers;
    private final PortalSessions sessions;
    private final LoginPolicy policy;
    private final Clock clock;

    public ConsumeMagicLink(LoginStore logins, Stores stores, Customers customers, PortalSessions sessions,
            LoginPolicy policy,
                            Clock clock) {
        this.logins = logins;
        this.stores = stores;
        this.customers = customers;
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * What the link's page shows, spending nothing.
     *
     * @param sessionCookie the caller's session cookie, if any
     * @param browserCookie the caller's sign-in cookie (set when this browser asked for a code), if any
     */
    public LinkView inspect(String rawToken, Optional<String> sessionCookie, Optional<String> browserCookie) {
        Optional<MagicLinkToken> token = MagicLinkToken.parse(rawToken);
        Optional<StoredLink> link = token.flatMap(parsed -> logins.findLink(parsed.hash()));
        if (link.isEmpty()) {
            return new LinkView(State.REFUSED, null, null, new InvalidLink());
        }
        Store store = stores.findStore(link.get().storeId()).orElse(null);
        Optional<InvalidLink> refusal = refusal(link.get(), store, clock.instant());
        if (refusal.isEmpty()) {
            boolean askedHere = link.get().browserHash() != null && browserCookie.flatMap(BrowserToken::parse)
                    .filter(browser -> browser.hash().equals(link.get().browserHash())).isPresent();
            return new LinkView(askedHere ? State.SIGN_IN_NOW : State.CONFIRM, store.displayName(),
                    shownAs(link.get()), null, store.brand(), link.get().isAgentLink());
        }
        if (ownerSignedIn(link.get(), sessionCookie).isPresent()) {
            return new LinkView(State.ALREADY_SIGNED_IN, store == null ? null : store.displayName(), null, null,
                    store == null ? Brand.NONE : store.brand(), false);
        }
        return new LinkView(State.REFUSED, refusal.get().storeName().orElse(null), null, refusal.get(),
                store == null ? Brand.NONE : store.brand(), false);
    }

    /**
     * Whose account the link opens, masked: the address it was emailed to, or for an agent's link copied from the
     * dashboard the customer's own email (else phone) on file, so she sees the link is hers.
     */
    private String shownAs(StoredLink link) {
        if (link.sentTo() != null || !link.isAgentLink()) {
            return link.sentTo();
        }
        return customers.findCustomer(link.storeId(), link.customerId()).map(customer -> customer.deliverableEmail()
                .map(EmailAddress::masked).orElseGet(() -> customer.phone().flatMap(PhoneNumber::fromE164)
                        .map(phone -> "•••" + phone.e164().substring(phone.e164().length() - 4)).orElse(null)))
                .orElse(null);
    }

    /**
     * @param sessionCookie the caller's session cookie, if any
     * @throws InvalidLink     malformed, unknown, used, replaced, expired or revoked link, with the reason
     * @throws ForbiddenOrigin the browser says another site than the store's portal sent the request
     */
    public SignedIn consume(String rawToken, Optional<String> sessionCookie, RequestOrigin origin) {
        return consume(rawToken, sessionCookie, origin, null);
    }

    /** @param acceptLanguage the browser's languages: the first the store speaks becomes the customer's */
    public SignedIn consume(String rawToken, Optional<String> sessionCookie, RequestOrigin origin,
                            String acceptLanguage) {
        MagicLinkToken token = MagicLinkToken.parse(rawToken).orElseThrow(() -> refused(new InvalidLink()));
        StoredLink link = logins.findLink(token.hash()).orElseThrow(() -> refused(new InvalidLink()));
        Store store = stores.findStore(link.storeId()).orElseThrow(() -> refused(new InvalidLink()));
        origin.requireSameSiteAs(store);
        Instant now = clock.instant();
        if (link.isLiveAt(now)) {
            String method = link.isAgentLink() ? "agent-link" : "link";
            Session session = Session.start(link.storeId(), link.customerId(), method, now,
                    policy.sessionLifetime(),
                    Language.fromBrowser(acceptLanguage, store.brand().languages()).orElse(null));
            AuditEntry signIn = new AuditEntry(link.storeId(), link.customerId(), "signed_in", Actor.customer(), now,
                    link.sentTo() == null ? Map.of("method", method) : Map.of("method", method, "identifier",
                            link.sentTo()));
            if (logins.consumeLink(link, session, now, signIn)) {
                Log.info("signed_in", "store", link.storeId(), "customer", link.customerId(), "method", method);
                Metrics.count("Logins", "Method", method);
                return new SignedIn(link.storeId(), link.customerId(), session.expiresAt(), Optional.of(session));
            }
        }
        Optional<StoredSession> current = ownerSignedIn(link, sessionCookie);
        if (current.isPresent()) {
            Log.info("link_reopened_while_signed_in", "store", link.storeId(), "customer", link.customerId());
            return new SignedIn(link.storeId(), link.customerId(), current.get().expiresAt(), Optional.empty());
        }
        // A live link whose spending failed lost a race with a parallel use of it: it is used now.
        throw refused(refusal(link, store, now).orElse(new InvalidLink(Reason.USED, store.storeId(), store.name(),
                link.sentTo(), link.lifetime())));
    }

    /** How long a magic-link page's form may be sent: as long as a link lives. */
    public Duration formLifetime() {
        return policy.linkFormLifetime();
    }

    /**
     * Why a link does not sign in, or empty when it does. A revoke or an email change (or a customer who is gone)
     * comes first, so such a link never tells the address it went to.
     */
    private Optional<InvalidLink> refusal(StoredLink link, Store store, Instant now) {
        if (store == null) {
            return Optional.of(new InvalidLink());
        }
        Optional<Customer> customer = customers.findCustomer(link.storeId(), link.customerId());
        // A customer's link is current while the login record names it: a newer request moved the record on to
        // another link (replaced); signing in with the code of the same email removed it (used).
        Optional<String> current = link.isAgentLink() ? Optional.of(link.tokenHash())
                : logins.currentCustomerLinkHash(link.storeId(), link.customerId());
        Reason reason = null;
        if (customer.isEmpty() || customer.get().revokedSince(link.issuedAt())) {
            reason = Reason.REVOKED;
        } else if (link.usedAt() != null || current.isEmpty()) {
            reason = Reason.USED;
        } else if (!current.get().equals(link.tokenHash())) {
            reason = Reason.REPLACED;
        } else if (!now.isBefore(link.expiresAt())) {
            reason = Reason.EXPIRED;
        }
        return Optional.ofNullable(reason)
                .map(why -> new InvalidLink(why, store.storeId(), store.name(), link.sentTo(), link.lifetime()));
    }

    private Optional<StoredSession> ownerSignedIn(StoredLink link, Optional<String> sessionCookie) {
        return sessionCookie.flatMap(sessions::current)
                .map(PortalSessions.SignedIn::session)
                .filter(session -> session.storeId().equals(link.storeId())
                        && session.customerId().equals(link.customerId()));
    }

    private static InvalidLink refused(InvalidLink refusal) {
        String reason = refusal.reason().name().toLowerCase(java.util.Locale.ROOT);
        Log.info("link_refused", "reason", reason);
        Metrics.count("LoginFailures", "Reason", "link_" + reason);
        return refusal;
    }
}
