package dev.portallogin.verifylink;

import dev.portallogin.core.domain.LoginPolicy;
import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.LoginCode;
import dev.portallogin.core.domain.MagicLinkToken;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.port.LoginStore.StoredCode;
import dev.portallogin.core.port.LoginStore.StoredLink;
import dev.portallogin.core.testing.Fakes;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A store, its customers, and the codes and links request-code would have issued them, on in-memory ports. */
final class SignInFixture {

    final Fakes fakes = new Fakes();
    final PortalSessions sessions = new PortalSessions(fakes.logins, fakes.stores, fakes.customers, fakes.clock);
    final VerifyCode verifyCode;
    final ConsumeMagicLink consumeMagicLink;
    final RememberBrowser rememberBrowser;
    final Store store = fakes.store("acme", "US");
    final LoginPolicy policy;

    /** @param policyOverrides login policy settings (environment names and values) other than the defaults */
    SignInFixture(String... policyOverrides) {
        policy = fakes.policy(policyOverrides);
        verifyCode = verifyCode(policy);
        rememberBrowser = new RememberBrowser(fakes.devices, policy.deviceLifetime(), fakes.clock);
        consumeMagicLink = new ConsumeMagicLink(fakes.logins, fakes.stores, fakes.customers, sessions, policy,
                fakes.clock);
    }

    VerifyCode verifyCode(LoginPolicy policy) {
        return new VerifyCode(fakes.signInContext, fakes.customers, fakes.codeGuesses, fakes.logins,
                fakes.rateLimiter, fakes.audit,
                fakes.codeKey, policy, fakes.clock);
    }

    /** What request-code leaves behind for a customer: their code, and their link bound to {@code browserHash}. */
    record Issued(String code, String token) {
    }

    Issued issue(Customer customer, String browserHash) {
        LoginCode code = LoginCode.generate(4);
        MagicLinkToken token = MagicLinkToken.generate();
        Instant now = fakes.clock.instant();
        String codeId = UUID.randomUUID().toString();
        fakes.logins.issueCustomerLogin(
                new StoredCode(store.storeId(), customer.customerId(), codeId,
                        code.hmac(fakes.codeKey.bytes(), store.storeId(), customer.customerId(), codeId), now,
                        now.plus(policy.codeLifetime()), 0),
                new StoredLink(token.hash(), store.storeId(), customer.customerId(), "customer", now,
                        now.plus(policy.linkLifetime()), "j***@example.com", browserHash));
        return new Issued(code.digits(), token.value());
    }

    /** A link support made for the customer. */
    String agentLink(Customer customer) {
        MagicLinkToken token = MagicLinkToken.generate();
        Instant now = fakes.clock.instant();
        fakes.logins.issueAgentLink(new StoredLink(token.hash(), store.storeId(), customer.customerId(), "agent", now,
                now.plus(policy.linkLifetime()), null, null), new AuditEntry(store.storeId(), customer.customerId(),
                "magic_link_generated", Actor.trustedBackend("agent-1"), now, Map.of()));
        return token.value();
    }

    static String other(String code) {
        return code.equals("0000") ? "1111" : "0000";
    }
}
