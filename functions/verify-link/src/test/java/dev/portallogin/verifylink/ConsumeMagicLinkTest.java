package dev.portallogin.verifylink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.BrowserToken;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.PortalFailure.ForbiddenOrigin;
import dev.portallogin.core.domain.PortalFailure.InvalidLink;
import dev.portallogin.core.domain.PortalFailure.InvalidLink.Reason;
import dev.portallogin.core.domain.RequestOrigin;
import dev.portallogin.verifylink.ConsumeMagicLink.LinkView;
import dev.portallogin.verifylink.ConsumeMagicLink.SignedIn;
import dev.portallogin.verifylink.ConsumeMagicLink.State;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of magic links, on in-memory ports. */
class ConsumeMagicLinkTest {

    private final SignInFixture world = new SignInFixture();
    private final Customer jane = world.fakes.customer(world.store, "jane@example.com", null);

    private SignedIn consume(String token) {
        return world.consumeMagicLink.consume(token, Optional.empty(), RequestOrigin.none());
    }

    private InvalidLink refusal(String token) {
        try {
            consume(token);
        } catch (InvalidLink refused) {
            return refused;
        }
        throw new AssertionError("the link signed in");
    }

    @Test
    void opensWithoutAClickOnlyInTheBrowserThatAskedAndOpeningSpendsNothing() {
        BrowserToken asking = BrowserToken.generate();
        String token = world.issue(jane, asking.hash()).token();

        LinkView here = world.consumeMagicLink.inspect(token, Optional.empty(), Optional.of(asking.value()));
        LinkView elsewhere = world.consumeMagicLink.inspect(token, Optional.empty(), Optional.empty());
        LinkView otherBrowser = world.consumeMagicLink.inspect(token, Optional.empty(),
                Optional.of(BrowserToken.generate().value()));

        assertThat(here.state()).isEqualTo(State.SIGN_IN_NOW);
        assertThat(elsewhere).isEqualTo(new LinkView(State.CONFIRM, "Store acme", "j***@example.com", null));
        assertThat(otherBrowser.state()).isEqualTo(State.CONFIRM);
        assertThat(consume(token).newSession()).isPresent();
    }

    @Test
    void anAgentsLinkAlwaysWaitsForAClick() {
        String token = world.agentLink(jane);

        assertThat(world.consumeMagicLink.inspect(token, Optional.empty(), Optional.empty()).state())
                .isEqualTo(State.CONFIRM);
    }

    @Test
    void aLinkSignsInOnceAndThenSaysItWasUsed() {
        String token = world.issue(jane, null).token();
        consume(token);

        InvalidLink used = refusal(token);

        assertThat(used.reason()).isEqualTo(Reason.USED);
        assertThat(used.storeId()).contains("acme");
        assertThat(used.sentTo()).contains("j***@example.com");
    }

    @Test
    void itsSignedInOwnerJustContinues() {
        String token = world.issue(jane, null).token();
        String cookie = consume(token).newSession().orElseThrow().token().value();

        SignedIn again = world.consumeMagicLink.consume(token, Optional.of(cookie), RequestOrigin.none());

        assertThat(again.newSession()).isEmpty();
        assertThat(world.consumeMagicLink.inspect(token, Optional.of(cookie), Optional.empty()).state())
                .isEqualTo(State.ALREADY_SIGNED_IN);
    }

    @Test
    void aRefusalSaysExpiredOrReplaced() {
        String expired = world.issue(jane, null).token();
        world.fakes.clock.advance(Duration.ofMinutes(10));
        assertThat(refusal(expired).reason()).isEqualTo(Reason.EXPIRED);

        String replaced = world.issue(jane, null).token();
        world.issue(jane, null);
        assertThat(refusal(replaced).reason()).isEqualTo(Reason.REPLACED);
    }

    @Test
    void usingTheEmailsCodeSpendsItsLinkToo() {
        SignInFixture.Issued issued = world.issue(jane, null);
        world.verifyCode.verify(new VerifyCode.Attempt("acme", "jane@example.com", issued.code(), null, null,
                RequestOrigin.none()));

        assertThat(refusal(issued.token()).reason()).isEqualTo(Reason.USED);
    }

    @Test
    void afterAnEmailChangeARefusedLinkTellsNothingAboutTheCustomer() {
        String token = world.issue(jane, null).token();
        world.fakes.clock.advance(Duration.ofSeconds(1));
        world.fakes.directory.changeEmail(jane, EmailAddress.parse("moved@example.org").orElseThrow(),
                world.fakes.clock.instant(), new AuditEntry("acme", jane.customerId(), "email_changed",
                        Actor.trustedBackend("a-1"), world.fakes.clock.instant(), Map.of()));

        InvalidLink revoked = refusal(token);
        LinkView page = world.consumeMagicLink.inspect(token, Optional.empty(), Optional.empty());

        assertThat(revoked.reason()).isEqualTo(Reason.REVOKED);
        assertThat(revoked.sentTo()).isEmpty();
        assertThat(revoked.storeName()).contains("Store acme");
        assertThat(page.state()).isEqualTo(State.REFUSED);
        assertThat(page.sentTo()).isNull();
    }

    @Test
    void anUnknownOrMangledLinkSaysNothing() {
        assertThat(refusal("A".repeat(43))).satisfies(refused -> {
            assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN);
            assertThat(refused.storeId()).isEmpty();
        });
        assertThat(refusal("not-a-token").reason()).isEqualTo(Reason.UNKNOWN);
    }

    @Test
    void anotherSitesPageCannotSpendIt() {
        String token = world.issue(jane, null).token();

        assertThatThrownBy(() -> world.consumeMagicLink.consume(token, Optional.empty(),
                new RequestOrigin(null, "cross-site"))).isInstanceOf(ForbiddenOrigin.class);
        assertThat(consume(token).newSession()).isPresent();
    }
}
