package dev.portallogin.delivermessage;

import dev.portallogin.core.domain.LoginPolicy;
import dev.portallogin.core.domain.MessageEvents;
import dev.portallogin.core.domain.CodeGuesses;
import dev.portallogin.core.domain.CodeRequest;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.Language;
import dev.portallogin.core.domain.LimitKey;
import dev.portallogin.core.domain.Identifier;
import dev.portallogin.core.domain.LoginCode;
import dev.portallogin.core.domain.LoginMessages;
import dev.portallogin.core.domain.MagicLinkToken;
import dev.portallogin.core.domain.OutgoingMessage;
import dev.portallogin.core.domain.PhoneNumber;
import dev.portallogin.core.domain.RateLimit;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.log.Log;
import dev.portallogin.core.log.Metrics;
import dev.portallogin.core.port.AuditLog;
import dev.portallogin.core.port.CodeKey;
import dev.portallogin.core.port.Stores;
import dev.portallogin.core.port.Customers;
import dev.portallogin.core.port.DeliveryQueue;
import dev.portallogin.core.port.DeliveryRecords;
import dev.portallogin.core.port.LoginStore;
import dev.portallogin.core.port.LoginStore.StoredCode;
import dev.portallogin.core.port.LoginStore.StoredLink;
import dev.portallogin.core.port.RateLimiter;
import dev.portallogin.core.port.TrustedDevices;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Serves a customer's ask for a code after the queue, where nobody waits on it and its timing tells nobody
 * anything. When the identifier belongs to a customer of the store, a fresh code and magic link replace any earlier
 * ones and go back to the queue as messages: an email with both, and the code by SMS when the store may text the
 * phone on file. While code sign-in is paused the customer is told why instead.
 *
 * <p>The customer's budget counts per network (or per browser the customer signed in with), so a stranger's requests
 * from one network cannot spend what the customer has elsewhere; an overall ceiling per customer bounds what
 * strangers together can send her, and a browser she signed in with is never held to it.
 */
public record IssueCode(Stores stores, Customers customers, LoginStore logins, TrustedDevices devices,
                        RateLimiter rateLimiter, DeliveryQueue deliveries, DeliveryRecords records, CodeKey codeKey,
                        AuditLog audit, LoginPolicy policy, Clock clock) {

    /** What became of a request; every outcome but a thrown failure removes it from the queue. */
    public enum Outcome { ISSUED, PAUSED_NOTICE, ALREADY_HANDLED, EXPIRED, NOT_A_CUSTOMER, BUDGET_SPENT, NO_CHANNEL }

    private record Counted(LimitKey key, Instant at) {
    }

    /** Two copies of a request may come; the claim makes one of them issue. The claim outlives any copy. */
    private static final Duration CLAIM_MARGIN = Duration.ofHours(1);

    /** @throws RuntimeException a failure that may pass: the request comes again from the queue */
    public Outcome issue(CodeRequest request) {
        Instant now = clock.instant();
        if (request.isExpiredAt(now)) {
            Log.info("code_request_dropped", "reason", "expired");
            Metrics.count("MessagesDropped", "Reason", "expired");
            return Outcome.EXPIRED;
        }
        if (!records.claim(request.id(), request.expiresAt().plus(CLAIM_MARGIN))) {
            Log.info("code_request_dropped", "reason", "already_handled");
            return Outcome.ALREADY_HANDLED;
        }
        List<Counted> counted = new ArrayList<>();
        try {
            return serve(request, now, counted);
        } catch (RuntimeException failed) {
            // Not served: nothing of it may count against the customer, and the queue's next try must act.
            counted.forEach(entry -> rateLimiter.release(entry.key(), entry.at()));
            records.release(request.id());
            throw failed;
        }
    }

    private Outcome serve(CodeRequest request, Instant now, List<Counted> counted) {
        Optional<Store> store = stores.findStore(request.storeId());
        Optional<Customer> found = store.flatMap(known -> Identifier.parse(request.identifier(),
                known.defaultCountry())).flatMap(identifier -> customers.findCustomer(request.storeId(), identifier));
        if (found.isEmpty()) {
            Log.info("code_request_served", "store", request.storeId(), "customerFound", false);
            return Outcome.NOT_A_CUSTOMER;
        }
        Customer customer = found.get();
        boolean knownDevice = request.deviceHash() != null && devices.find(request.deviceHash())
                .filter(device -> device.trustedFor(customer.storeId(), customer.customerId(), now)
                        && !customer.revokedSince(device.since()))
                .isPresent();
        Optional<String> device = knownDevice ? Optional.of(request.deviceHash()) : Optional.empty();
        boolean withinBudget = count(LimitKey.codesSentTo(customer.storeId(), customer.customerId(), device,
                request.network()), policy.identifierLimits(), now, counted)
                && (knownDevice || count(LimitKey.codesSentTo(customer.storeId(), customer.customerId()),
                        policy.customerCodeLimits(), now, counted));
        if (!withinBudget) {
            // Silent: request-code answered long ago, the same for everyone.
            Log.info("customer_budget_spent", "store", customer.storeId(), "customer", customer.customerId(),
                    "knownDevice", knownDevice);
            Metrics.count("RateLimited", "Scope", "customer");
            return Outcome.BUDGET_SPENT;
        }
        Store known = store.get();
        // A pause strangers caused never stops a browser the customer signed in with.
        Optional<Instant> pausedUntil = knownDevice ? Optional.empty() : pausedUntil(customer, request, now);
        Optional<EmailAddress> email = customer.deliverableEmail();
        Optional<PhoneNumber> phone = customer.phone().flatMap(PhoneNumber::fromE164).filter(known::allowsSmsTo);
        if (email.isEmpty() && phone.isEmpty()) {
            Log.warn("no_delivery_channel", "store", customer.storeId(), "customer", customer.customerId());
            return Outcome.NO_CHANNEL;
        }
        List<OutgoingMessage> messages = pausedUntil.isPresent()
                ? pausedNotice(known, customer, email, phone, pausedUntil.get(), request, now)
                : codeAndLink(known, customer, email, phone, request, now);
        deliveries.enqueue(messages);
        messages.forEach(message -> audit.record(MessageEvents.of(message, "queued", now, Map.of())));
        Log.info("code_request_served", "store", customer.storeId(), "customerFound", true,
                "codeLoginPaused", pausedUntil.isPresent(), "knownDevice", knownDevice, "messages", messages.size());
        return pausedUntil.isPresent() ? Outcome.PAUSED_NOTICE : Outcome.ISSUED;
    }

    /**
     * Until when code sign-in is paused for this customer from where she asks: for every new browser after too many
     * wrong codes in a row, or from this network after too many from it today.
     */
    private Optional<Instant> pausedUntil(Customer customer, CodeRequest request, Instant now) {
        Optional<Instant> overall = policy.codeSignInPausedUntil(customer, now);
        if (overall.isPresent()) {
            return overall;
        }
        RateLimiter.Decision network = rateLimiter.tally(LimitKey.guessesFrom(customer.storeId(),
                customer.customerId(), request.network()), CodeGuesses.perNetwork(policy.maxCodeFailuresPerNetwork()),
                now);
        return network.allowed() ? Optional.empty() : Optional.of(now.plus(network.retryAfter()));
    }

    private boolean count(LimitKey key, List<RateLimit> limits, Instant now, List<Counted> counted) {
        RateLimiter.Decision decision = rateLimiter.tryAcquire(key, limits, now);
        if (decision.allowed()) {
            counted.add(new Counted(key, decision.recordedAt()));
        }
        return decision.allowed();
    }

    /** A fresh code and link, replacing any earlier ones: the email carries both, the SMS the code. */
    private List<OutgoingMessage> codeAndLink(Store store, Customer customer, Optional<EmailAddress> email,
                                              Optional<PhoneNumber> phone, CodeRequest request, Instant now) {
        LoginCode code = LoginCode.generate(policy.codeLength());
        MagicLinkToken token = store(store, customer, email, request.browserHash(), now, code);
        String language = Language.choose(customer.language(), request.language(), store.brand());
        List<OutgoingMessage> messages = new ArrayList<>();
        email.ifPresent(address -> messages.add(OutgoingMessage.email("login", LoginMessages.codeAndLink(store,
                customer, language, address, code, store.magicLinkUrl(token), policy.codeLifetime(),
                policy.linkLifetime(), now), now.plus(longest(policy.codeLifetime(), policy.linkLifetime())))));
        phone.ifPresent(number -> messages.add(OutgoingMessage.sms("login", LoginMessages.codeSms(store, customer,
                language, number, code, policy.codeLifetime()), now.plus(policy.codeLifetime()))));
        return messages;
    }

    /**
     * While code sign-in is paused no code goes out. The customer is told why and until when: by email with a magic
     * link (which signs in and lifts the pause), or by SMS when there is no email to send a link to.
     */
    private List<OutgoingMessage> pausedNotice(Store store, Customer customer, Optional<EmailAddress> email,
                                               Optional<PhoneNumber> phone, Instant pausedUntil, CodeRequest request,
                                               Instant now) {
        String language = Language.choose(customer.language(), request.language(), store.brand());
        if (email.isPresent()) {
            MagicLinkToken token = store(store, customer, email, request.browserHash(), now,
                    LoginCode.generate(policy.codeLength()));
            return List.of(OutgoingMessage.email("code-login-paused", LoginMessages.codeLoginPaused(store, customer,
                    language, email.get(), store.magicLinkUrl(token), policy.linkLifetime(), pausedUntil),
                    now.plus(policy.linkLifetime())));
        }
        return List.of(OutgoingMessage.sms("code-login-paused", LoginMessages.codeLoginPausedSms(store, customer,
                language, phone.orElseThrow(), pausedUntil), now.plus(policy.codeLifetime())));
    }

    /** Stores the code's HMAC and the link's hash, replacing the customer's earlier ones; returns the link. */
    private MagicLinkToken store(Store store, Customer customer, Optional<EmailAddress> email, String browserHash,
                                 Instant now, LoginCode code) {
        MagicLinkToken token = MagicLinkToken.generate();
        String codeId = UUID.randomUUID().toString();
        byte[] hmac = code.hmac(codeKey.bytes(), store.storeId(), customer.customerId(), codeId);
        logins.issueCustomerLogin(
                new StoredCode(store.storeId(), customer.customerId(), codeId, hmac, now,
                        now.plus(policy.codeLifetime()), 0),
                new StoredLink(token.hash(), store.storeId(), customer.customerId(), "customer", now,
                        now.plus(policy.linkLifetime()), email.map(EmailAddress::masked).orElse(null), browserHash));
        Metrics.count("CodesIssued");
        return token;
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
