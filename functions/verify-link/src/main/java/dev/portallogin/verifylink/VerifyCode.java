package dev.portallogin.verifylink;

import dev.portallogin.core.domain.LoginPolicy;
import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.BrowserToken;
import dev.portallogin.core.domain.CodeGuesses;
import dev.portallogin.core.domain.Identifier;
import dev.portallogin.core.domain.LimitKey;
import dev.portallogin.core.domain.Language;
import dev.portallogin.core.domain.LoginCode;
import dev.portallogin.core.domain.PortalFailure.ForbiddenOrigin;
import dev.portallogin.core.domain.PortalFailure.InvalidCode;
import dev.portallogin.core.domain.PortalFailure.InvalidIdentifier;
import dev.portallogin.core.domain.PortalFailure.RateLimited;
import dev.portallogin.core.domain.PortalFailure.UnknownStore;
import dev.portallogin.core.domain.RateLimit;
import dev.portallogin.core.domain.RecordId;
import dev.portallogin.core.domain.RequestOrigin;
import dev.portallogin.core.domain.Session;
import dev.portallogin.core.domain.SourceNetwork;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.log.Log;
import dev.portallogin.core.log.Metrics;
import dev.portallogin.core.port.AuditLog;
import dev.portallogin.core.port.CodeKey;
import dev.portallogin.core.port.Customers;
import dev.portallogin.core.port.CodeGuessCounter;
import dev.portallogin.core.port.CodeGuessCounter.Guess;
import dev.portallogin.core.port.LoginStore;
import dev.portallogin.core.port.LoginStore.StoredCode;
import dev.portallogin.core.port.RateLimiter;
import dev.portallogin.core.port.SignInContext;
import dev.portallogin.core.port.TrustedDevices.TrustedDevice;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A customer types the code they received. The code is only ever checked for the customer the identifier names,
 * and only after the guess was counted, each count one conditional write so parallel guesses never exceed it:
 * against the code (5 tries), against the store's ceiling on guesses, against the customer from the caller's
 * network (10 wrong codes pause code sign-in from that network) and against the customer overall (20 wrong codes in
 * a row pause it for every browser she never signed in with). A browser she signed in with before is held only to
 * the code's own tries.
 *
 * <p>Every refusal makes the same calls in the same order, whether the identifier is a customer with a live code,
 * a customer without one, or nobody, and every one of them writes: each step runs on the customer's key or on one
 * no customer can have, and none is a write refused for want of an item (DynamoDB answers a refused write sooner
 * than one that writes). So neither the answer nor its timing tells a stranger who is a customer, and typed codes
 * that could never be compared (unknown identifiers, no live code) are tallied aside: they never use up the store's
 * ceiling.
 */
public record VerifyCode(SignInContext context, Customers customers, CodeGuessCounter codeGuesses, LoginStore logins,
                         RateLimiter rateLimiter, AuditLog audit, CodeKey codeKey, LoginPolicy policy, Clock clock) {

    /**
     * One typed code.
     *
     * @param clientAddress the caller's address (the viewer's behind CloudFront), or null when not over HTTP
     * @param deviceCookie  the browser's device cookie (set when it signed in before), or null
     * @param origin        the site the browser says sent the request
     */
    public record Attempt(String storeId, String identifier, String code, String clientAddress, String deviceCookie,
                          RequestOrigin origin, String acceptLanguage) {

        public Attempt(String storeId, String identifier, String code, String clientAddress, String deviceCookie,
                       RequestOrigin origin) {
            this(storeId, identifier, code, clientAddress, deviceCookie, origin, null);
        }

        @Override
        public String toString() {
            return "Attempt[" + storeId + "]";
        }
    }

    /** Where a guess stands once counted: whose it is, whether it may be compared, and why not. */
    private record Guessing(String customerId, Optional<StoredCode> code, String refusal) {
        boolean isCustomer() {
            return !RecordId.NOBODY.equals(customerId);
        }
    }

    /**
     * @return the new session
     * @throws InvalidCode       wrong, expired, used, replaced, revoked or exhausted code, paused code sign-in, or
     *                           unknown customer: one answer for all
     * @throws InvalidIdentifier neither an email address nor a phone number
     * @throws UnknownStore      the store does not exist
     * @throws ForbiddenOrigin   the browser says another site than the store's portal sent it
     * @throws RateLimited       too many codes typed from this network, or in this store (a sign of spraying)
     */
    public Session verify(Attempt attempt) {
        // One read whether or not a cookie came (a random value stands in), so both cost the same.
        SignInContext.Context found = context.read(attempt.storeId(), BrowserToken.parse(attempt.deviceCookie())
                .orElseGet(BrowserToken::generate).hash());
        Store store = found.requireStore();
        attempt.origin().requireSameSiteAs(store);
        Identifier identifier = Identifier.typedAt(store, attempt.identifier());
        SourceNetwork network = SourceNetwork.of(attempt.clientAddress());
        Instant now = clock.instant();
        Optional<TrustedDevice> device = found.device()
                .filter(known -> known.storeId().equals(store.storeId()) && now.isBefore(known.expiresAt()));
        String customerId = customers.findCustomerId(store.storeId(), identifier).orElse(RecordId.NOBODY);
        boolean trusted = device.filter(known -> known.customerId().equals(customerId)).isPresent();
        limitSource(LimitKey.codesTypedFrom(trusted ? device.map(TrustedDevice::deviceHash) : Optional.empty(),
                network), network, now);
        Optional<LoginCode> code = LoginCode.parse(attempt.code(), policy.codeLength());
        if (code.isEmpty()) {
            // The caller knows its code is malformed: refusing before any lookup tells it nothing new.
            throw refused("malformed_code");
        }
        Guessing guessing = countGuess(store, customerId, trusted, network, now);
        // Read on every path: the key's periodic refresh must not happen only when there is a code to compare.
        byte[] key = codeKey.bytes();
        if (guessing.refusal() == null && code.get().matches(guessing.code().get().hmac(), key, store.storeId(),
                customerId, guessing.code().get().codeId())) {
            return signIn(store, identifier, guessing.code().get(), attempt.acceptLanguage(), now);
        }
        String reason = guessing.refusal() != null ? guessing.refusal() : "wrong_code";
        AuditEntry refusal = new AuditEntry(store.storeId(), customerId, "code_refused", Actor.customer(), now,
                Map.of("reason", reason, "identifier", identifier.masked()));
        if (guessing.isCustomer()) {
            // Their trail shows it, so support can answer "I never got in".
            audit.record(refusal);
        } else {
            audit.recordAside(refusal);
        }
        throw refused(reason);
    }

    /**
     * Counts the guess, in this order, each step one write that succeeds, on the customer's key or on one no
     * customer has: the code's tries; the store's ceiling (a guess that cannot be compared is tallied aside, never
     * counted); the customer's wrong codes from this network; the customer's wrong codes overall. A browser the
     * customer signed in with is held to the code's tries alone.
     */
    private Guessing countGuess(Store store, String customerId, boolean trusted, SourceNetwork network,
                                Instant now) {
        String storeId = store.storeId();
        Optional<StoredCode> live = logins.countCodeAttempt(storeId, customerId, policy.maxCodeAttempts(), now);
        boolean limited = live.isPresent() && !trusted;
        LimitKey storeKey = LimitKey.storeGuesses(storeId);
        RateLimiter.Decision ceiling = limited
                ? rateLimiter.tryCount(storeKey, policy.storeVerifyLimit(), now)
                : rateLimiter.tally(storeKey, policy.storeVerifyLimit(), now);
        if (!ceiling.allowed() && !trusted) {
            ceiling.requireAllowed("verify-store", network);
        }
        RateLimit perNetwork = CodeGuesses.perNetwork(policy.maxCodeFailuresPerNetwork());
        LimitKey networkKey = LimitKey.guessesFrom(storeId, limited ? customerId : RecordId.NOBODY, network.key());
        boolean networkOpen = limited
                ? rateLimiter.tryCount(networkKey, perNetwork, now).allowed()
                : rateLimiter.tally(networkKey, perNetwork, now).allowed();
        Guess overall = limited && networkOpen
                ? codeGuesses.countCodeGuess(storeId, customerId, policy.maxConsecutiveCodeFailures(),
                        policy.codeLockDuration(), now)
                : codeGuesses.countAside(storeId, now);
        if (live.isEmpty()) {
            return new Guessing(customerId, live,
                    RecordId.NOBODY.equals(customerId) ? "unknown_customer" : "no_live_code");
        }
        if (limited && !networkOpen) {
            return new Guessing(customerId, live, "code_login_paused_for_network");
        }
        if (limited && overall != Guess.COUNTED) {
            return new Guessing(customerId, live, "code_login_locked");
        }
        return new Guessing(customerId, live, null);
    }

    private Session signIn(Store store, Identifier identifier, StoredCode code, String acceptLanguage,
                           Instant now) {
        Session session = Session.start(store.storeId(), code.customerId(), "code", now, policy.sessionLifetime(),
                Language.fromBrowser(acceptLanguage, store.brand().languages()).orElse(null));
        AuditEntry signIn = new AuditEntry(store.storeId(), code.customerId(), "signed_in", Actor.customer(), now,
                Map.of("method", "code", "identifier", identifier.masked()));
        if (!logins.consumeCode(code, session, signIn)) {
            throw refused("code_already_spent");
        }
        Log.info("signed_in", "store", store.storeId(), "customer", code.customerId(), "method", "code");
        Metrics.count("Logins", "Method", "code");
        return session;
    }

    /** A few dozen typed codes an hour per network (or per browser the customer signed in with). */
    private void limitSource(LimitKey key, SourceNetwork network, Instant now) {
        if (network == SourceNetwork.DIRECT && key.countsANetwork()) {
            return;
        }
        rateLimiter.tryAcquire(key, policy.verifyIpLimits(), now).requireAllowed("verify-ip", network);
    }

    private static InvalidCode refused(String reason) {
        Log.info("code_refused", "reason", reason);
        Metrics.count("LoginFailures", "Reason", reason);
        return new InvalidCode();
    }
}
