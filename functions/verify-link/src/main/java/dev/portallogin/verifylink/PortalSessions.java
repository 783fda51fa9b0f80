package dev.portallogin.verifylink;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.PortalFailure.NotSignedIn;
import dev.portallogin.core.domain.SessionToken;
import dev.portallogin.core.domain.Subscription;
import dev.portallogin.core.port.CustomerDirectory;
import dev.portallogin.core.port.LoginStore;
import dev.portallogin.core.port.LoginStore.StoredSession;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The portal's view of a session cookie: who is signed in, and signing out. */
public final class PortalSessions {

    /** The signed-in customer and what the portal shows them. */
    public record Profile(StoredSession session, Customer customer, List<Subscription> subscriptions) {
    }

    private final LoginStore logins;
    private final CustomerDirectory directory;
    private final Clock clock;

    public PortalSessions(LoginStore logins, CustomerDirectory directory, Clock clock) {
        this.logins = logins;
        this.directory = directory;
        this.clock = clock;
    }

    /** The live session behind a cookie value; empty for malformed, unknown or expired ones. */
    public Optional<StoredSession> current(String cookieValue) {
        return SessionToken.parse(cookieValue)
                .flatMap(token -> logins.findSession(token.hash()))
                .filter(session -> clock.instant().isBefore(session.expiresAt()));
    }

    /** @throws NotSignedIn no live session, or its customer no longer exists */
    public Profile profile(Optional<String> cookieValue) {
        StoredSession session = cookieValue.flatMap(this::current).orElseThrow(NotSignedIn::new);
        Customer customer = directory.findCustomer(session.storeId(), session.customerId())
                .orElseThrow(NotSignedIn::new);
        return new Profile(session, customer, directory.listSubscriptions(session.storeId(), session.customerId()));
    }

    /** Ends the session behind the cookie, if there is one; signing out twice is fine. */
    public void signOut(Optional<String> cookieValue) {
        cookieValue.flatMap(SessionToken::parse).ifPresent(token -> logins.deleteSession(token.hash()));
    }
}
