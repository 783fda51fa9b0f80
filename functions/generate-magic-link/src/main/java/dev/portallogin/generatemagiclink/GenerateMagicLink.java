package dev.portallogin.generatemagiclink;

import dev.portallogin.core.domain.LoginPolicy;
import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.LoginMessages;
import dev.portallogin.core.domain.MagicLinkToken;
import dev.portallogin.core.domain.OutgoingMessage;
import dev.portallogin.core.domain.PortalFailure.CustomerNotFound;
import dev.portallogin.core.domain.PortalFailure.Forbidden;
import dev.portallogin.core.domain.PortalFailure.NoValidEmail;
import dev.portallogin.core.domain.PortalFailure.SubscriptionNotFound;
import dev.portallogin.core.domain.PortalFailure.UnknownStore;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.Subscription;
import dev.portallogin.core.log.Log;
import dev.portallogin.core.port.AuditLog;
import dev.portallogin.core.port.Stores;
import dev.portallogin.core.port.Customers;
import dev.portallogin.core.port.DeliveryException;
import dev.portallogin.core.port.DeliveryQueue;
import dev.portallogin.core.port.LoginStore;
import dev.portallogin.core.port.LoginStore.StoredLink;
import dev.portallogin.core.support.SupportAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A support agent gets a link to hand to a customer: a <b>magic</b> link (single use, 10 minutes, signs the
 * customer in exactly like one they asked for, optionally emailed to the address on file) or a <b>portal</b> link
 * (the store's login page: no credential, no personal data, never expires). Only for a store the agent may act on;
 * every link is in the customer's audit trail with the agent who made it.
 */
public final class GenerateMagicLink {

    public enum Kind { MAGIC, PORTAL }

    /** Exactly one of {@code customerId} and {@code subscriptionId} is set. */
    public record Request(Actor caller, String storeId, String customerId, String subscriptionId, Kind kind,
                          boolean send) {
    }

    /** @param expiresAt null for a portal link; @param emailSent null for a portal link */
    public record GeneratedLink(Kind kind, String url, Instant expiresAt, String customerId, Boolean emailSent) {
        @Override
        public String toString() {
            return "GeneratedLink[" + kind + ", customer=" + customerId + "]";
        }
    }

    private final Stores stores;
    private final Customers customers;
    private final SupportAccess access;
    private final LoginStore logins;
    private final DeliveryQueue deliveries;
    private final AuditLog audit;
    private final LoginPolicy policy;
    private final Clock clock;

    public GenerateMagicLink(Stores stores, Customers customers, LoginStore logins, DeliveryQueue deliveries,
                             AuditLog audit, LoginPolicy policy, Clock clock) {
        this.stores = stores;
        this.customers = customers;
        this.access = new SupportAccess(stores);
        this.logins = logins;
        this.deliveries = deliveries;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * @throws Forbidden            an agent acting on a store they are not listed for (or that does not exist)
     * @throws UnknownStore         the trusted backend naming a store that does not exist
     * @throws SubscriptionNotFound no such subscription in the store
     * @throws CustomerNotFound     no such customer in the store
     * @throws NoValidEmail         a magic link was asked for a customer without a deliverable email address
     */
    public GeneratedLink generate(Request request) {
        Store store = access.store(request.caller(), request.storeId());
        String customerId = request.subscriptionId() == null ? request.customerId()
                : customers.findSubscription(store.storeId(), request.subscriptionId())
                        .map(Subscription::customerId).orElseThrow(SubscriptionNotFound::new);
        Customer customer = customers.findCustomer(store.storeId(), customerId).orElseThrow(CustomerNotFound::new);
        Instant now = clock.instant();
        Map<String, String> details = new LinkedHashMap<>();
        if (request.subscriptionId() != null) {
            details.put("subscriptionId", request.subscriptionId());
        }

        if (request.kind() == Kind.PORTAL) {
            audit.record(new AuditEntry(store.storeId(), customerId, "portal_link_generated", request.caller(), now,
                    details));
            return new GeneratedLink(Kind.PORTAL, store.loginPageUrl(), null, customerId, null);
        }

        EmailAddress email = customer.deliverableEmail().orElseThrow(NoValidEmail::new);
        MagicLinkToken token = MagicLinkToken.generate();
        Instant expiresAt = now.plus(policy.linkLifetime());
        details.put("expiresAt", expiresAt.toString());
        details.put("emailSent", Boolean.toString(request.send()));
        if (request.send()) {
            details.put("sentTo", email.masked());
        }
        // The link and its audit entry in one transaction: no link exists that the trail does not show.
        logins.issueAgentLink(new StoredLink(token.hash(), store.storeId(), customerId, "agent", now, expiresAt,
                request.send() ? email.masked() : null, null),
                new AuditEntry(store.storeId(), customerId, "magic_link_generated", request.caller(), now, details));
        String url = store.magicLinkUrl(token);
        boolean emailSent = request.send() && send(OutgoingMessage.email("agent-link",
                LoginMessages.agentLink(store, customer, email, url, policy.linkLifetime()), expiresAt));
        if (request.send() && !emailSent) {
            audit.record(new AuditEntry(store.storeId(), customerId, "magic_link_email_not_queued",
                    request.caller(), clock.instant(), Map.of("sentTo", email.masked())));
        }
        Log.info("agent_link_generated", "store", store.storeId(), "customer", customerId, "emailSent", emailSent);
        return new GeneratedLink(Kind.MAGIC, url, expiresAt, customerId, emailSent);
    }

    /**
     * Hands the email to the delivery queue. The link is the agent's to hand over either way, so a queue that cannot
     * take it only makes {@code emailSent} false.
     */
    private boolean send(OutgoingMessage message) {
        try {
            deliveries.enqueue(List.of(message));
            return true;
        } catch (DeliveryException failure) {
            Log.warn("delivery_failed", "channel", "queue", "cause", failure.getCause().getClass().getSimpleName());
            return false;
        }
    }
}
