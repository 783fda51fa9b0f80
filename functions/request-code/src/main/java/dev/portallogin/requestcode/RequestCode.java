package dev.portallogin.requestcode;

import dev.portallogin.core.config.Config;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.Identifier;
import dev.portallogin.core.domain.LoginCode;
import dev.portallogin.core.domain.LoginMessages;
import dev.portallogin.core.domain.MagicLinkToken;
import dev.portallogin.core.domain.OutgoingMessage;
import dev.portallogin.core.domain.PhoneNumber;
import dev.portallogin.core.domain.PortalFailure.InvalidIdentifier;
import dev.portallogin.core.domain.PortalFailure.RateLimited;
import dev.portallogin.core.domain.PortalFailure.UnknownStore;
import dev.portallogin.core.domain.RateLimit;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.RequestOrigin;
import dev.portallogin.core.domain.ResponseFloor;
import dev.portallogin.core.log.Log;
import dev.portallogin.core.log.Metrics;
import dev.portallogin.core.port.CodeKey;
import dev.portallogin.core.port.CustomerDirectory;
import dev.portallogin.core.port.DeliveryQueue;
import dev.portallogin.core.port.LoginStore;
import dev.portallogin.core.port.LoginStore.StoredCode;
import dev.portallogin.core.port.LoginStore.StoredLink;
import dev.portallogin.core.port.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer asks for a login code. When the identifier belongs to a customer of the store, a fresh code and magic
 * link replace any earlier ones and are handed to the delivery queue: an email with both, and the code by SMS when
 * the store may text the phone on file. Nothing is sent on the request path; {@code deliver-message} sends. The
 * caller learns nothing about whether the customer exists: known and unknown identifiers get the same answer, no
 * sooner than the configured minimum response time, which covers the extra database writes of a known one.
 */
public record RequestCode(CustomerDirectory directory, LoginStore logins, RateLimiter rateLimiter,
                          DeliveryQueue deliveries, CodeKey codeKey, Config config, Clock clock) {

    /**
     * @param clientAddress the caller's address when the request came over HTTP (the viewer's behind CloudFront),
     *                      else null
     * @param browserHash   the hash of the sign-in cookie given to the browser that asks, or null: the link it is
     *                      sent then signs in in that browser without a click
     * @param origin        the site the browser says sent the request
     */
    public record Request(String storeId, String identifier, String clientAddress, String browserHash,
                          RequestOrigin origin) {
    }

    private record Counted(String key, Instant at) {
    }

    /**
     * @throws UnknownStore      the store does not exist
     * @throws InvalidIdentifier neither an email address nor a phone number
     * @throws RateLimited       too many requests for this identifier or from this address
     */
    public void request(Request request) {
        ResponseFloor floor = ResponseFloor.startingNow(config.minResponseTime());
        Store store = directory.requireStore(request.storeId());
        request.origin().requireSameSiteAs(store);
        Identifier identifier = Identifier.typedAt(store, request.identifier());
        Instant now = clock.instant();
        List<Counted> counted = countRequest(store, identifier, request.clientAddress(), now);
        Metrics.count("CodesRequested");
        try {
            serve(store, identifier, request.browserHash(), now, counted);
        } catch (RuntimeException failed) {
            // Whatever failed, the request was not served: it must not count against the customer.
            release(counted, failed);
            throw failed;
        }
        floor.await();
    }

    /** Best effort: when the database itself is failing, the original failure is what the caller must see. */
    private void release(List<Counted> counted, RuntimeException cause) {
        for (Counted entry : counted) {
            try {
                rateLimiter.release(entry.key(), entry.at());
            } catch (RuntimeException releaseFailed) {
                cause.addSuppressed(releaseFailed);
                Log.warn("rate_limit_release_failed", "type", releaseFailed.getClass().getSimpleName());
            }
        }
    }

    private void serve(Store store, Identifier identifier, String browserHash, Instant now, List<Counted> counted) {
        Optional<Customer> found = directory.findCustomer(store.storeId(), identifier);
        if (found.isEmpty()) {
            Log.info("code_requested", "store", store.storeId(), "identifier", identifier.masked(),
                    "customerFound", false);
            return;
        }
        Customer customer = found.get();
        // One budget per customer, whichever of their email and phone is asked for. Spent, it refuses silently:
        // a 429 here and not for an unknown identifier would tell that the two identifiers share a customer.
        String customerKey = "customer#" + store.storeId() + "#" + customer.customerId();
        RateLimiter.Decision budget = rateLimiter.tryAcquire(customerKey, config.identifierLimits(), now);
        if (!budget.allowed()) {
            Log.info("customer_budget_spent", "store", store.storeId(), "customer", customer.customerId());
            Metrics.count("RateLimited", "Scope", "customer");
            return;
        }
        counted.add(new Counted(customerKey, budget.recordedAt()));
        Optional<Instant> pausedUntil = customer.codeLoginLockedUntil(config.maxConsecutiveCodeFailures(),
                config.codeLockDuration()).filter(now::isBefore);
        Optional<EmailAddress> email = customer.deliverableEmail();
        Optional<PhoneNumber> phone = customer.phone().flatMap(PhoneNumber::fromE164).filter(store::allowsSmsTo);
        if (email.isEmpty() && phone.isEmpty()) {
            // Answered like any other request: telling the caller would reveal that the customer exists.
            Log.warn("no_delivery_channel", "store", store.storeId(), "customer", customer.customerId());
            return;
        }
        List<OutgoingMessage> messages = pausedUntil.isPresent()
                ? issuePausedNotice(store, customer, email, phone, pausedUntil.get(), browserHash, now)
                : issueCode(store, customer, email, phone, browserHash, now);
        deliveries.enqueue(messages);
        Log.info("code_requested", "store", store.storeId(), "identifier", identifier.masked(),
                "customerFound", true, "codeLoginPaused", pausedUntil.isPresent(), "messages", messages.size());
    }

    /** A fresh code and link, replacing any earlier ones: the email carries both, the SMS the code. */
    private List<OutgoingMessage> issueCode(Store store, Customer customer, Optional<EmailAddress> email,
                                            Optional<PhoneNumber> phone, String browserHash, Instant now) {
        LoginCode code = LoginCode.generate(config.codeLength());
        MagicLinkToken token = issue(store, customer, email, browserHash, now, code);
        List<OutgoingMessage> messages = new ArrayList<>();
        email.ifPresent(address -> messages.add(OutgoingMessage.email("login", LoginMessages.codeAndLink(store,
                customer, address, code, store.magicLinkUrl(token), config.codeLifetime()),
                now.plus(longest(config.codeLifetime(), config.linkLifetime())))));
        phone.ifPresent(number -> messages.add(OutgoingMessage.sms("login", LoginMessages.codeSms(store, customer,
                number, code, config.codeLifetime()), now.plus(config.codeLifetime()))));
        return messages;
    }

    /**
     * While code sign-in is paused no code goes out. The customer is told why and until when: by email with a magic
     * link (which signs in and lifts the pause), or by SMS when there is no email to send a link to.
     */
    private List<OutgoingMessage> issuePausedNotice(Store store, Customer customer, Optional<EmailAddress> email,
                                                    Optional<PhoneNumber> phone, Instant pausedUntil,
                                                    String browserHash, Instant now) {
        if (email.isPresent()) {
            MagicLinkToken token = issue(store, customer, email, browserHash, now,
                    LoginCode.generate(config.codeLength()));
            return List.of(OutgoingMessage.email("code-login-paused", LoginMessages.codeLoginPaused(store, customer,
                    email.get(), store.magicLinkUrl(token), config.linkLifetime(), pausedUntil),
                    now.plus(config.linkLifetime())));
        }
        return List.of(OutgoingMessage.sms("code-login-paused", LoginMessages.codeLoginPausedSms(store, customer,
                phone.orElseThrow(), pausedUntil), now.plus(config.codeLifetime())));
    }

    /** Stores the code's HMAC and the link's hash, replacing the customer's earlier ones; returns the link. */
    private MagicLinkToken issue(Store store, Customer customer, Optional<EmailAddress> email, String browserHash,
                                 Instant now, LoginCode code) {
        MagicLinkToken token = MagicLinkToken.generate();
        String codeId = UUID.randomUUID().toString();
        byte[] hmac = code.hmac(codeKey.bytes(), store.storeId(), customer.customerId(), codeId);
        logins.issueCustomerLogin(
                new StoredCode(store.storeId(), customer.customerId(), codeId, hmac, now,
                        now.plus(config.codeLifetime()), 0),
                new StoredLink(token.hash(), store.storeId(), customer.customerId(), "customer", now,
                        now.plus(config.linkLifetime()), email.map(EmailAddress::masked).orElse(null), browserHash));
        Metrics.count("CodesIssued");
        return token;
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private List<Counted> countRequest(Store store, Identifier identifier, String clientAddress, Instant now) {
        List<Counted> counted = new ArrayList<>();
        if (clientAddress != null) {
            counted.add(count("ip", "ip#" + clientAddress, config.sourceIpLimits(), now, counted));
        }
        String identifierKey = "identifier#" + store.storeId() + "#" + identifier.normalForm();
        counted.add(count("identifier", identifierKey, config.identifierLimits(), now, counted));
        return counted;
    }

    private Counted count(String scope, String key, List<RateLimit> limits, Instant now, List<Counted> counted) {
        RateLimiter.Decision decision = rateLimiter.tryAcquire(key, limits, now);
        if (!decision.allowed()) {
            counted.forEach(entry -> rateLimiter.release(entry.key(), entry.at()));
            Log.info("rate_limited", "scope", scope, "retryAfterSeconds", decision.retryAfter().toSeconds());
            Metrics.count("RateLimited", "Scope", scope);
            throw new RateLimited(decision.retryAfter());
        }
        return new Counted(key, decision.recordedAt());
    }
}
