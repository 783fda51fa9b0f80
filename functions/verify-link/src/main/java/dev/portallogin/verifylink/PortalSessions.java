package dev.portallogin.verifylink;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.PortalFailure.ForbiddenOrigin;
import dev.portallogin.core.domain.PortalFailure.NotSignedIn;
import dev.portallogin.core.domain.RequestOrigin;
import dev.portallogin.core.domain.SessionToken;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.Subscription;
import dev.portallogin.core.port.Stores;
import dev.portallogin.core.port.Customers;
import dev.portallogin.core.port.LoginStore;
import dev.portallogin.core.port.LoginStore.StoredSession;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The portal's view of a session cookie: who is signed in, and signing out. A session is live until it expires, its
 * customer signs out, or support revokes the customer's credentials or changes their email: both are checked on
 * every read against the customer record, so a revocation ends sessions at once, in every container.
 */
public record PortalSessions(LoginStore logins, Stores stores, Customers customers, Clock clock) {

    /** A live session and its customer, as read together. */
    public record SignedIn(StoredSession session, Customer customer) {
    }

    /** The signed-in customer and what the portal shows them. */
    public record Profile(StoredSession session, Customer customer, List<Subscription> subscriptions) {
    }

    /** The live session behind a cookie value; empty for malformed, unknown, expired or revoked ones. */
    public Optional<SignedIn> current(String cookieValue) {
        return SessionToken.parse(cookieValue)
                .flatMap(token -> logins.findSession(token.hash()))
                .filter(session -> clock.instant().isBefore(session.expiresAt()))
                .flatMap(session -> customers.findCustomer(session.storeId(), session.customerId())
                        .filter(customer -> !customer.revokedSince(session.createdAt()))
                        .map(customer -> new SignedIn(session, customer)));
    }

    /** @throws NotSignedIn no live session, or its customer no longer exists */
    public Profile profile(Optional<String> cookieValue) {
        SignedIn signedIn = cookieValue.flatMap(this::current).orElseThrow(NotSignedIn::new);
        Customer customer = signedIn.customer();
        return new Profile(signedIn.session(), customer,
                customers.listSubscriptions(customer.storeId(), customer.customerId()));
    }

    /**
     * Ends the session behind the cookie, if there is one; signing out twice is fine.
     *
     * @throws ForbiddenOrigin another site than the session's store's portal asked to end a live session
     */
    public void signOut(Optional<String> cookieValue, RequestOrigin origin) {
        Optional<SignedIn> signedIn = cookieValue.flatMap(this::current);
        Optional<Store> store = signedIn.flatMap(current -> stores.findStore(current.session().storeId()));
        if (store.isPresent()) {
            origin.requireSameSiteAs(store.get());
        } else {
            // No store to compare with: the browser must say the page is our own, whenever it names a page at all.
            origin.requireSameOrigin();
        }
        cookieValue.flatMap(SessionToken::parse).ifPresent(token -> logins.deleteSession(token.hash()));
    }
}
