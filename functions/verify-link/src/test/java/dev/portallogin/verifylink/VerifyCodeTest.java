package dev.portallogin.verifylink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.PortalFailure.ForbiddenOrigin;
import dev.portallogin.core.domain.PortalFailure.InvalidCode;
import dev.portallogin.core.domain.PortalFailure.InvalidIdentifier;
import dev.portallogin.core.domain.PortalFailure.RateLimited;
import dev.portallogin.core.domain.PortalFailure.UnknownStore;
import dev.portallogin.core.domain.RequestOrigin;
import dev.portallogin.core.domain.Session;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of signing in with a code, on in-memory ports. */
class VerifyCodeTest {

    private final SignInFixture world = new SignInFixture();
    private final Customer jane = world.fakes.customer(world.store, "jane@example.com", "+12015550123");
    private int addresses;

    private Session verify(String identifier, String code) {
        return world.verifyCode.verify(new VerifyCode.Attempt(world.store.storeId(), identifier, code,
                "198.51.100." + (++addresses % 250 + 1), null, RequestOrigin.none()));
    }

    @Test
    void theRightCodeSignsInOnceAndIsSpent() {
        String code = world.issue(jane, null).code();

        Session session = verify("JANE@example.com", code);

        assertThat(session.customerId()).isEqualTo(jane.customerId());
        assertThat(world.fakes.logins.findSession(session.token().hash())).isPresent();
        assertThatThrownBy(() -> verify("jane@example.com", code)).isInstanceOf(InvalidCode.class);
    }

    @Test
    void theCodeIsCheckedOnlyForTheCustomerItWasSentTo() {
        Customer sam = world.fakes.customer(world.store, "sam@example.com", null);
        world.issue(sam, null);
        String janes = world.issue(jane, null).code();

        assertThatThrownBy(() -> verify("sam@example.com", janes)).isInstanceOf(InvalidCode.class);
    }

    @Test
    void fiveComparisonsPerCodeThenEvenTheRightCodeIsRefused() {
        String code = world.issue(jane, null).code();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> verify("jane@example.com", SignInFixture.other(code)))
                    .isInstanceOf(InvalidCode.class);
        }

        assertThatThrownBy(() -> verify("jane@example.com", code)).isInstanceOf(InvalidCode.class);
    }

    @Test
    void anExpiredCodeIsRefusedBeforeTtlDeletesIt() {
        String code = world.issue(jane, null).code();
        world.fakes.clock.advance(Duration.ofMinutes(10));

        assertThatThrownBy(() -> verify("jane@example.com", code)).isInstanceOf(InvalidCode.class);
    }

    @Test
    void twentyWrongCodesInARowPauseCodeSignInForADayOrUntilAnUnlock() {
        for (int round = 0; round < 4; round++) {
            String code = world.issue(jane, null).code();
            for (int guess = 0; guess < 5; guess++) {
                assertThatThrownBy(() -> verify("jane@example.com", SignInFixture.other(code)))
                        .isInstanceOf(InvalidCode.class);
            }
        }
        String fresh = world.issue(jane, null).code();

        assertThatThrownBy(() -> verify("jane@example.com", fresh)).as("paused").isInstanceOf(InvalidCode.class);
        world.fakes.clock.advance(Duration.ofHours(24));
        String afterADay = world.issue(jane, null).code();
        assertThat(verify("jane@example.com", afterADay).customerId()).isEqualTo(jane.customerId());
    }

    @Test
    void aCodeIssuedBeforeARevokeNoLongerSignsIn() {
        String code = world.issue(jane, null).code();
        world.fakes.clock.advance(Duration.ofSeconds(1));
        world.fakes.directory.revokeCredentials(world.store.storeId(), jane.customerId(), world.fakes.clock.instant(),
                new AuditEntry(world.store.storeId(), jane.customerId(), "credentials_revoked",
                        Actor.trustedBackend("a-1"), world.fakes.clock.instant(), Map.of()));

        assertThatThrownBy(() -> verify("jane@example.com", code)).isInstanceOf(InvalidCode.class);
    }

    @Test
    void unknownIdentifiersMalformedCodesAndWrongCodesGetOneAnswer() {
        world.issue(jane, null);

        assertThatThrownBy(() -> verify("nobody@example.com", "1234")).isInstanceOf(InvalidCode.class);
        assertThatThrownBy(() -> verify("jane@example.com", "12")).isInstanceOf(InvalidCode.class);
        assertThatThrownBy(() -> verify("jane@example.com", "12345")).isInstanceOf(InvalidCode.class);
    }

    @Test
    void theCustomersTrailShowsRefusedCodesAndTheSignIn() {
        String code = world.issue(jane, null).code();
        assertThatThrownBy(() -> verify("+1 201 555 0123", SignInFixture.other(code)))
                .isInstanceOf(InvalidCode.class);
        world.fakes.clock.advance(Duration.ofSeconds(1));
        verify("+12015550123", code);

        assertThat(world.fakes.audit.list(world.store.storeId(), jane.customerId(), 10))
                .extracting(AuditEntry::action, entry -> entry.details().get("identifier"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("signed_in", "+1******0123"),
                        org.assertj.core.groups.Tuple.tuple("code_refused", "+1******0123"));
    }

    @Test
    void sixtyCodesAnHourFromOneAddress() {
        for (int i = 0; i < 60; i++) {
            int n = i;
            assertThatThrownBy(() -> world.verifyCode.verify(new VerifyCode.Attempt(world.store.storeId(),
                    "guess" + n + "@example.com", "1234", "192.0.2.9", null, RequestOrigin.none())))
                    .isInstanceOf(InvalidCode.class);
        }

        assertThatThrownBy(() -> world.verifyCode.verify(new VerifyCode.Attempt(world.store.storeId(),
                "guess60@example.com", "1234", "192.0.2.9", null, RequestOrigin.none()))).isInstanceOf(RateLimited.class);
    }

    private Session verifyFrom(VerifyCode with, String identifier, String code, String address, String device) {
        return with.verify(new VerifyCode.Attempt(world.store.storeId(), identifier, code, address, device,
                RequestOrigin.none()));
    }

    @Test
    void junkNeverUsesUpTheStoreCeilingButGuessesAtLiveCodesDo() {
        VerifyCode capped = world.verifyCode(world.fakes.policy("STORE_VERIFY_RATE_LIMIT", "3/3600"));
        for (int i = 0; i < 50; i++) {
            int n = i;
            assertThatThrownBy(() -> verifyFrom(capped, "stranger" + n + "@example.com", "1234", "192.0.2." + n,
                    null)).isInstanceOf(InvalidCode.class);
        }
        assertThatThrownBy(() -> verifyFrom(capped, "jane@example.com", "12", "192.0.2.99", null))
                .isInstanceOf(InvalidCode.class);
        String code = world.issue(jane, null).code();
        assertThat(verifyFrom(capped, "jane@example.com", code, "198.51.100.200", null))
                .as("the first of three compared guesses").isNotNull();

        for (int i = 0; i < 2; i++) {
            Customer other = world.fakes.customer(world.store, "other" + i + "@example.com", null);
            String theirs = world.issue(other, null).code();
            assertThatThrownBy(() -> verifyFrom(capped, other.email(), SignInFixture.other(theirs), "203.0.113.1",
                    null)).isInstanceOf(InvalidCode.class);
        }
        assertThatThrownBy(() -> verifyFrom(capped, "stranger@example.com", "1234", "203.0.113.2", null))
                .as("once guesses fill the ceiling, everyone's answer is the same refusal")
                .isInstanceOf(RateLimited.class);
    }

    @Test
    void wrongCodesFromOneNetworkPauseThatNetworkOnly() {
        for (int round = 0; round < 4; round++) {
            String code = world.issue(jane, null).code();
            for (int guess = 0; guess < 5; guess++) {
                String address = "2001:db8:66::" + Integer.toHexString(round * 5 + guess + 1);
                assertThatThrownBy(() -> verifyFrom(world.verifyCode, "jane@example.com", SignInFixture.other(code),
                        address, null)).isInstanceOf(InvalidCode.class);
            }
        }
        String fresh = world.issue(jane, null).code();

        assertThatThrownBy(() -> verifyFrom(world.verifyCode, "jane@example.com", fresh, "2001:db8:66::99", null))
                .as("the stranger's /64 is paused").isInstanceOf(InvalidCode.class);
        assertThat(verifyFrom(world.verifyCode, "jane@example.com", fresh, "198.51.100.50", null).customerId())
                .isEqualTo(jane.customerId());
    }

    @Test
    void aBrowserTheCustomerSignedInWithIsNeverStoppedByAPauseOthersCaused() {
        String device = world.rememberBrowser.remember(verify("jane@example.com", world.issue(jane, null).code()))
                .orElseThrow().value();
        for (int round = 0; round < 4; round++) {
            String code = world.issue(jane, null).code();
            for (int guess = 0; guess < 5; guess++) {
                verifyWrong(code);
            }
        }
        String fresh = world.issue(jane, null).code();
        assertThatThrownBy(() -> verify("jane@example.com", fresh)).as("paused for new browsers")
                .isInstanceOf(InvalidCode.class);

        String again = world.issue(jane, null).code();
        assertThat(verifyFrom(world.verifyCode, "jane@example.com", again, "198.51.100.77", device).customerId())
                .isEqualTo(jane.customerId());
    }

    private void verifyWrong(String code) {
        assertThatThrownBy(() -> verify("jane@example.com", SignInFixture.other(code)))
                .isInstanceOf(InvalidCode.class);
    }

    @Test
    void anotherSitesPageAnUnknownStoreAndANonIdentifierAreRefused() {
        String code = world.issue(jane, null).code();

        assertThatThrownBy(() -> world.verifyCode.verify(new VerifyCode.Attempt(world.store.storeId(),
                "jane@example.com", code, "192.0.2.1", null, new RequestOrigin("https://evil.example", null))))
                .isInstanceOf(ForbiddenOrigin.class);
        assertThatThrownBy(() -> world.verifyCode.verify(new VerifyCode.Attempt("nowhere", "jane@example.com", code,
                "192.0.2.1", null, RequestOrigin.none()))).isInstanceOf(UnknownStore.class);
        assertThatThrownBy(() -> verify("jane", code)).isInstanceOf(InvalidIdentifier.class);
        assertThat(verify("jane@example.com", code)).as("nothing was spent").isNotNull();
    }
}
