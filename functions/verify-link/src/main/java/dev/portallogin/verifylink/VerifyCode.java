package dev.portallogin.verifylink;

import dev.portallogin.core.config.Config;
import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Identifier;
import dev.portallogin.core.domain.LoginCode;
import dev.portallogin.core.domain.PortalFailure.ForbiddenOrigin;
import dev.portallogin.core.domain.PortalFailure.InvalidCode;
import dev.portallogin.core.domain.PortalFailure.InvalidIdentifier;
import dev.portallogin.core.domain.PortalFailure.RateLimited;
import dev.portallogin.core.domain.PortalFailure.UnknownStore;
import dev.portallogin.core.domain.RequestOrigin;
import dev.portallogin.core.domain.ResponseFloor;
import dev.portallogin.core.domain.Session;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.log.Log;
import dev.portallogin.core.log.Metrics;
import dev.portallogin.core.port.AuditLog;
import dev.portallogin.core.port.CodeKey;
import dev.portallogin.core.port.CustomerDirectory;
import dev.portallogin.core.port.CustomerDirectory.Guess;
import dev.portallogin.core.port.LoginStore;
import dev.portallogin.core.port.LoginStore.StoredCode;
import dev.portallogin.core.port.RateLimiter;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * A customer types the code they received. The code is only ever checked for the customer the identifier names.
 * Before anyone compares it, the attempt is counted against the code (at most 5) and against the customer's run of
 * wrong codes (at most 20 in a row, then code sign-in pauses for a day), each in one conditional write, so parallel
 * guesses can never exceed either limit. Sign-ins and refused codes go into the customer's trail.
 */
public record VerifyCode(CustomerDirectory directory, LoginStore logins, RateLimiter rateLimiter, AuditLog audit,
                         CodeKey codeKey, Config config, Clock clock) {

    /**
     * One typed code.
     *
     * @param clientAddress the caller's address (the viewer's behind CloudFront), or null when not over HTTP
     * @param origin        the site the browser says sent the request
     */
    public record Attempt(String storeId, String identifier, String code, String clientAddress,
                          RequestOrigin origin) {
        @Override
        public String toString() {
            return "Attempt[" + storeId + "]";
        }
    }

    /**
     * @return the new session
     * @throws InvalidCode       wrong, expired, used, replaced, revoked or exhausted code, locked code sign-in, or
     *                           unknown customer: one answer for all
     * @throws InvalidIdentifier neither an email address nor a phone number
     * @throws UnknownStore      the store does not exist
     * @throws ForbiddenOrigin   the browser says another site than the store's portal sent it
     * @throws RateLimited       too many codes typed from this address, or in this store (a sign of spraying)
     */
    public Session verify(Attempt attempt) {
        ResponseFloor floor = ResponseFloor.startingNow(config.minResponseTime());
        Store store = directory.requireStore(attempt.storeId());
        attempt.origin().requireSameSiteAs(store);
        Identifier identifier = Identifier.typedAt(store, attempt.identifier());
        limit(store, attempt.clientAddress());
        try {
            return verify(store, identifier, attempt.code());
        } catch (InvalidCode refused) {
            // A known customer's refusal costs more database writes than an unknown identifier's: the floor hides it.
            floor.await();
            throw refused;
        }
    }

    /** Per source address a few dozen an hour; per store a ceiling whose refusals raise an alarm. */
    private void limit(Store store, String clientAddress) {
        Instant now = clock.instant();
        if (clientAddress != null) {
            refuseWhenSpent(rateLimiter.tryAcquire("verify-ip#" + clientAddress, config.verifyIpLimits(), now),
                    "verify-ip");
        }
        refuseWhenSpent(rateLimiter.tryCount("verify-store#" + store.storeId(), config.storeVerifyLimit(), now),
                "verify-store");
    }

    private static void refuseWhenSpent(RateLimiter.Decision decision, String scope) {
        if (!decision.allowed()) {
            Log.info("rate_limited", "scope", scope, "retryAfterSeconds", decision.retryAfter().toSeconds());
            Metrics.count("RateLimited", "Scope", scope);
            throw new RateLimited(decision.retryAfter());
        }
    }

    private Session verify(Store store, Identifier identifier, String rawCode) {
        String storeId = store.storeId();
        LoginCode code = LoginCode.parse(rawCode, config.codeLength()).orElseThrow(() -> refused("malformed_code"));
        Customer customer = directory.findCustomer(storeId, identifier).orElseThrow(() -> refused("unknown_customer"));
        Instant now = clock.instant();

        StoredCode stored = logins.countCodeAttempt(storeId, customer.customerId(), config.maxCodeAttempts(), now)
                .orElseThrow(() -> refused(customer, identifier, "no_live_code", now));
        Guess guess = directory.countCodeGuess(storeId, customer.customerId(), config.maxConsecutiveCodeFailures(),
                config.codeLockDuration(), now);
        if (guess != Guess.COUNTED) {
            throw refused(customer, identifier, "code_login_locked", now);
        }
        Log.info("code_compared", "attempt", stored.attempts());
        if (!code.matches(stored.hmac(), codeKey.bytes(), storeId, customer.customerId(), stored.codeId())) {
            throw refused(customer, identifier, "wrong_code", now);
        }
        Session session = Session.start(storeId, customer.customerId(), "code", now, config.sessionLifetime());
        AuditEntry signIn = new AuditEntry(storeId, customer.customerId(), "signed_in", Actor.customer(), now,
                Map.of("method", "code", "identifier", identifier.masked()));
        if (!logins.consumeCode(stored, session, signIn)) {
            throw refused(customer, identifier, "code_already_spent", now);
        }
        Log.info("signed_in", "store", storeId, "customer", customer.customerId(), "method", "code");
        Metrics.count("Logins", "Method", "code");
        return session;
    }

    /** A refusal for an identifier that matches no customer: nothing to record beyond the metric. */
    private static InvalidCode refused(String reason) {
        Log.info("code_refused", "reason", reason);
        Metrics.count("LoginFailures", "Reason", reason);
        return new InvalidCode();
    }

    /** A refusal for a real customer, which their trail shows so support can answer "I never got in". */
    private InvalidCode refused(Customer customer, Identifier identifier, String reason, Instant now) {
        audit.record(new AuditEntry(customer.storeId(), customer.customerId(), "code_refused", Actor.customer(), now,
                Map.of("reason", reason, "identifier", identifier.masked())));
        return refused(reason);
    }
}
