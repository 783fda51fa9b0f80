package dev.portallogin.requestcode;

import dev.portallogin.core.domain.LoginPolicy;
import dev.portallogin.core.domain.BrowserToken;
import dev.portallogin.core.domain.CodeRequest;
import dev.portallogin.core.domain.Identifier;
import dev.portallogin.core.domain.Language;
import dev.portallogin.core.domain.LimitKey;
import dev.portallogin.core.domain.PortalFailure.ForbiddenOrigin;
import dev.portallogin.core.domain.PortalFailure.InvalidIdentifier;
import dev.portallogin.core.domain.PortalFailure.RateLimited;
import dev.portallogin.core.domain.PortalFailure.UnknownStore;
import dev.portallogin.core.domain.RequestOrigin;
import dev.portallogin.core.domain.SourceNetwork;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.log.Log;
import dev.portallogin.core.log.Metrics;
import dev.portallogin.core.port.DeliveryQueue;
import dev.portallogin.core.port.RateLimiter;
import dev.portallogin.core.port.SignInContext;
import dev.portallogin.core.port.TrustedDevices.TrustedDevice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer asks for a login code. The request path does the same work for every identifier, in four round trips:
 * it reads the store and the browser's device together, counts the request against the caller's network (or the
 * browser the customer signed in with before) and against the identifier from there in one read and one write, and
 * hands the request to the delivery queue. Whether the identifier is a customer, the
 * customer's own budget, the code, the link and the messages are all dealt with after the queue
 * ({@code deliver-message}), so neither the answer nor its timing can tell a customer from a stranger.
 */
public record RequestCode(SignInContext context, RateLimiter rateLimiter, DeliveryQueue deliveries, LoginPolicy policy,
                          Clock clock) {

    /**
     * @param clientAddress the caller's address when the request came over HTTP (the viewer's behind CloudFront),
     *                      else null
     * @param deviceCookie  the value of the browser's device cookie (set when it signed in), or null
     * @param browserHash   the hash of the sign-in cookie given to the browser that asks: the link it is sent then
     *                      signs in in that browser without a click
     * @param origin        the site the browser says sent the request
     */
    public record Request(String storeId, String identifier, String clientAddress, String deviceCookie,
                          String browserHash, RequestOrigin origin, String acceptLanguage) {

        public Request(String storeId, String identifier, String clientAddress, String deviceCookie,
                       String browserHash, RequestOrigin origin) {
            this(storeId, identifier, clientAddress, deviceCookie, browserHash, origin, null);
        }

        @Override
        public String toString() {
            return "Request[" + storeId + "]";
        }
    }


    /**
     * What the caller is told, the same for every identifier: how long a code works, how many tries it has and how
     * long until another may be asked for (the login page says so), and how long the browser that asked is
     * remembered for the link to sign in without a click.
     */
    public record Sent(Duration codeLifetime, int triesPerCode, Duration resendAfter,
                       Duration signInBrowserLifetime) {
    }

    /**
     * @throws UnknownStore      the store does not exist
     * @throws ForbiddenOrigin   the browser says another site than the store's portal sent it
     * @throws InvalidIdentifier neither an email address nor a phone number
     * @throws RateLimited       too many requests from this network, or for this identifier from this network
     */
    public Sent request(Request request) {
        // One read whether or not a cookie came (a random value stands in), so both cost the same.
        SignInContext.Context found = context.read(request.storeId(), BrowserToken.parse(request.deviceCookie())
                .orElseGet(BrowserToken::generate).hash());
        Store store = found.requireStore();
        request.origin().requireSameSiteAs(store);
        Identifier identifier = Identifier.typedAt(store, request.identifier());
        SourceNetwork network = SourceNetwork.of(request.clientAddress());
        Instant now = clock.instant();
        Optional<TrustedDevice> device = found.device().filter(known -> known.storeId().equals(store.storeId())
                && now.isBefore(known.expiresAt()));
        // A browser the customer signed in with counts on its own: nobody else's requests can spend its budget.
        Optional<String> deviceHash = device.map(TrustedDevice::deviceHash);
        List<RateLimiter.Count> counts = new ArrayList<>();
        List<String> scopes = new ArrayList<>();
        if (device.isPresent() || network != SourceNetwork.DIRECT) {
            counts.add(new RateLimiter.Count(LimitKey.codeRequestsFrom(deviceHash, network), policy.sourceIpLimits()));
            scopes.add("ip");
        }
        counts.add(new RateLimiter.Count(LimitKey.codeRequestsFor(store.storeId(), identifier.normalForm(),
                deviceHash, network), policy.identifierLimits()));
        scopes.add("identifier");
        count(counts, scopes, now, network);
        try {
            deliveries.enqueue(new CodeRequest(UUID.randomUUID().toString(), store.storeId(),
                    identifier.normalForm(), network.key(), device.map(TrustedDevice::deviceHash).orElse(null),
                    request.browserHash(), now, now.plus(policy.codeLifetime()),
                    Language.fromBrowser(request.acceptLanguage(), store.brand().languages()).orElse(null)));
        } catch (RuntimeException failed) {
            // The request was not taken on: it must not count against anyone.
            release(counts, now, failed);
            throw failed;
        }
        Metrics.count("CodesRequested");
        Log.info("code_requested", "store", store.storeId(), "identifier", identifier.masked(),
                "network", network.label(), "knownDevice", device.isPresent());
        return new Sent(policy.codeLifetime(), policy.maxCodeAttempts(), policy.waitBetweenCodes(),
                policy.signInBrowserLifetime());
    }

    /** Best effort: when the database itself is failing, the original failure is what the caller must see. */
    private void release(List<RateLimiter.Count> counts, Instant at, RuntimeException cause) {
        for (RateLimiter.Count count : counts) {
            try {
                rateLimiter.release(count.key(), at);
            } catch (RuntimeException releaseFailed) {
                cause.addSuppressed(releaseFailed);
                Log.warn("rate_limit_release_failed", "type", releaseFailed.getClass().getSimpleName());
            }
        }
    }

    /** Counts the request under every key at once, or under none when any limit is reached. */
    private void count(List<RateLimiter.Count> counts, List<String> scopes, Instant now, SourceNetwork network) {
        List<RateLimiter.Decision> decisions = rateLimiter.tryAcquireAll(counts, now);
        for (int i = 0; i < decisions.size(); i++) {
            decisions.get(i).requireAllowed(scopes.get(i), network);
        }
    }
}
