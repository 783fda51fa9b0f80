package dev.portallogin.verifylink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.PortalFailure.ForbiddenOrigin;
import dev.portallogin.core.domain.PortalFailure.NotSignedIn;
import dev.portallogin.core.domain.RequestOrigin;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who is signed in, until when, and what ends it; on in-memory ports. */
class PortalSessionsTest {

    private final SignInFixture world = new SignInFixture();
    private final Customer jane = world.fakes.customer(world.store, "jane@example.com", null);

    private Optional<String> signIn() {
        String token = world.issue(jane, null).token();
        return Optional.of(world.consumeMagicLink.consume(token, Optional.empty(), RequestOrigin.none()).newSession()
                .orElseThrow().token().value());
    }

    @Test
    void theSessionShowsTheCustomerAndOnlyTheirSubscriptions() {
        world.fakes.subscription(jane, "sub-1");
        world.fakes.subscription(world.fakes.customer(world.store, "sam@example.com", null), "sub-2");

        PortalSessions.Profile profile = world.sessions.profile(signIn());

        assertThat(profile.customer().customerId()).isEqualTo(jane.customerId());
        assertThat(profile.subscriptions()).extracting("subscriptionId").containsExactly("sub-1");
    }

    @Test
    void aSessionEndsWhenItExpiresWhenSupportRevokesAndAtSignOut() {
        Optional<String> cookie = signIn();
        world.fakes.clock.advance(Duration.ofSeconds(1));
        world.fakes.directory.revokeCredentials("acme", jane.customerId(), world.fakes.clock.instant(),
                new AuditEntry("acme", jane.customerId(), "credentials_revoked", Actor.trustedBackend("a-1"),
                        world.fakes.clock.instant(), Map.of()));
        assertThatThrownBy(() -> world.sessions.profile(cookie)).isInstanceOf(NotSignedIn.class);

        world.fakes.clock.advance(Duration.ofSeconds(1));
        Optional<String> next = signIn();
        assertThat(world.sessions.profile(next)).isNotNull();
        world.sessions.signOut(next, RequestOrigin.none());
        assertThatThrownBy(() -> world.sessions.profile(next)).isInstanceOf(NotSignedIn.class);

        Optional<String> last = signIn();
        world.fakes.clock.advance(Duration.ofDays(7));
        assertThatThrownBy(() -> world.sessions.profile(last)).isInstanceOf(NotSignedIn.class);
    }

    @Test
    void anotherSiteCannotSignTheCustomerOut() {
        Optional<String> cookie = signIn();

        assertThatThrownBy(() -> world.sessions.signOut(cookie, new RequestOrigin("https://evil.example", null)))
                .isInstanceOf(ForbiddenOrigin.class);
        assertThat(world.sessions.profile(cookie)).isNotNull();
    }
}
