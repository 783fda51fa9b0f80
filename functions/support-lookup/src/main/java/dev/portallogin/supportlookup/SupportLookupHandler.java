package dev.portallogin.supportlookup;

import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Priming;
import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.LoginPolicy;
import dev.portallogin.core.http.Documents;
import dev.portallogin.core.http.SupportActions;
import dev.portallogin.core.http.SupportActions.Action;
import dev.portallogin.core.http.SupportFunction;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the support dashboard reads, and nothing that changes a customer: its policy allows reads, and on the audit
 * table the appends that record a search or a profile view. One action table serves the IAM-authorised
 * {@code /admin/stores/...} routes and the dashboard backend's direct invocations (their {@code action}):
 * <ul>
 *   <li>{@code GET /admin/stores} — {@code stores}</li>
 *   <li>{@code GET /admin/stores/{storeId}/customers?q=} — {@code search} with {@code q}</li>
 *   <li>{@code GET /admin/stores/{storeId}/customers/{customerId}} — {@code customer}</li>
 *   <li>{@code GET .../customers/{customerId}/audit} — {@code audit}</li>
 * </ul>
 */
public final class SupportLookupHandler extends SupportFunction {

    private static final String CUSTOMER = "/admin/stores/{storeId}/customers/{customerId}";

    private final AuditTrail auditTrail;
    private final SupportDirectory supportDirectory;
    private final SupportActions actions = new SupportActions(List.of(
            Action.reads("GET /admin/stores", "stores", call -> stores(call.caller())),
            Action.reads("GET /admin/stores/{storeId}/customers", "search", call -> search(call.caller(),
                    call.id("storeId"), call.optionalString("q").orElse(null))),
            Action.reads("GET " + CUSTOMER, "customer", call -> customer(call.caller(), call.id("storeId"),
                    call.id("customerId"))),
            Action.reads("GET " + CUSTOMER + "/audit", "audit", call -> audit(call.caller(), call.id("storeId"),
                    call.id("customerId")))), null);

    /** Lambda's constructor: see {@link Priming#lambdaClients}. */
    public SupportLookupHandler() {
        this(Priming.lambdaClients(Priming::phoneNumbers), LoginPolicy.fromEnvironment(), Clock.systemUTC());
    }

    /** Wired to the AWS clients the template's environment names: the local runner's and the tests' way in. */
    public SupportLookupHandler(AwsClients aws, LoginPolicy policy, Clock clock) {
        this(new AuditTrail(aws.stores(), aws.customers(), aws.auditLog()),
                new SupportDirectory(aws.stores(), aws.customers(), aws.auditLog(), policy, clock));
    }

    public SupportLookupHandler(AuditTrail auditTrail, SupportDirectory supportDirectory) {
        this.auditTrail = auditTrail;
        this.supportDirectory = supportDirectory;
    }

    @Override
    protected SupportActions actions() {
        return actions;
    }

    private Map<String, Object> audit(Actor caller, String storeId, String customerId) {
        List<Map<String, Object>> entries = auditTrail.list(caller, storeId, customerId).stream()
                .map(SupportLookupHandler::document).toList();
        return Map.of("customerId", customerId, "entries", entries);
    }

    private Map<String, Object> stores(Actor caller) {
        List<Map<String, Object>> stores = supportDirectory.stores(caller).stream()
                .map(store -> Map.<String, Object>of("storeId", store.storeId(), "name", store.name()))
                .toList();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("caller", actor(caller));
        document.put("stores", stores);
        return document;
    }

    private Map<String, Object> search(Actor caller, String storeId, String query) {
        List<Map<String, Object>> customers = supportDirectory.search(caller, storeId, query).stream()
                .map(Documents::contact).toList();
        return Map.of("storeId", storeId, "customers", customers);
    }

    private Map<String, Object> customer(Actor caller, String storeId, String customerId) {
        SupportDirectory.CustomerView view = supportDirectory.customer(caller, storeId, customerId);
        Map<String, Object> document = Documents.contact(view.customer());
        document.put("emailBouncing", view.customer().emailBouncing());
        document.put("emailComplained", view.customer().emailComplained());
        document.put("deliverableEmail", view.deliverableEmail());
        Map<String, Object> codeLogin = new LinkedHashMap<>();
        codeLogin.put("locked", view.codeLoginLockedUntil().isPresent());
        codeLogin.put("consecutiveFailures", view.customer().consecutiveCodeFailures());
        codeLogin.put("lockedSince", view.codeLoginLockedUntil()
                .map(until -> String.valueOf(view.customer().lastCodeFailureAt())).orElse(null));
        codeLogin.put("lockedUntil", view.codeLoginLockedUntil().map(Instant::toString).orElse(null));
        document.put("codeLogin", codeLogin);
        document.put("subscriptions", Documents.subscriptions(view.subscriptions()));
        return document;
    }

    private static Map<String, Object> document(AuditEntry entry) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("action", entry.action());
        document.put("at", entry.at().toString());
        document.put("actor", actor(entry.actor()));
        document.put("details", entry.details());
        return document;
    }

    private static Map<String, Object> actor(Actor actor) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("type", actor.type());
        document.put("principal", actor.principal());
        document.put("session", actor.session());
        document.put("label", actor.label());
        document.put("reason", actor.reason());
        return document;
    }
}
