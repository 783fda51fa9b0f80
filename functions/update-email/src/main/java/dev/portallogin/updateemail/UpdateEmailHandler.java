package dev.portallogin.updateemail;

import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Priming;
import dev.portallogin.core.domain.LoginPolicy;
import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.PortalFailure.InvalidRequest;
import dev.portallogin.core.http.ApiRequest;
import dev.portallogin.core.http.ApiResponse;
import dev.portallogin.core.http.Documents;
import dev.portallogin.core.http.HttpFunction;
import dev.portallogin.core.http.RequestBody;
import dev.portallogin.core.http.RouteTable;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer-profile actions of the support dashboard, over the IAM-authorised {@code /admin/stores/...} routes
 * (the store in the path, the caller the IAM principal that signed the request) and as direct invocations by the
 * dashboard's trusted backend, whose payload names the {@code action}:
 * <ul>
 *   <li>{@code GET /admin/stores} — direct: {@code stores}</li>
 *   <li>{@code GET /admin/stores/{storeId}/customers?q=} — direct: {@code search} with {@code q}</li>
 *   <li>{@code GET /admin/stores/{storeId}/customers/{customerId}} — direct: {@code customer}</li>
 *   <li>{@code PUT .../customers/{customerId}/email} {@code {"email"}} — direct: {@code update-email} (the
 *       default)</li>
 *   <li>{@code POST .../customers/{customerId}/revoke} — direct: {@code revoke}</li>
 *   <li>{@code POST .../customers/{customerId}/unlock} — direct: {@code unlock}</li>
 *   <li>{@code GET .../customers/{customerId}/audit} — direct: {@code audit}</li>
 * </ul>
 * Over HTTP a body's {@code agentId} is only a display label; direct payloads must name the agent.
 */
public final class UpdateEmailHandler extends HttpFunction {

    private static final String CUSTOMER = "/admin/stores/{storeId}/customers/{customerId}";

    private final UpdateEmail updateEmail;
    private final RevokeCredentials revokeCredentials;
    private final UnlockCodeLogin unlockCodeLogin;
    private final AuditTrail auditTrail;
    private final SupportDirectory supportDirectory;

    /** Lambda's constructor: see {@link Priming#lambdaClients}. */
    public UpdateEmailHandler() {
        this(Priming.lambdaClients(Priming::phoneNumbers), LoginPolicy.fromEnvironment(), Clock.systemUTC());
    }

    /** Wired to the AWS clients the template's environment names: the local runner's and the tests' way in. */
    public UpdateEmailHandler(AwsClients aws, LoginPolicy policy, Clock clock) {
        this(new UpdateEmail(aws.stores(), aws.customers(), aws.customerAccounts(), aws.deliveryQueue(),
                policy.linkLifetime(), clock),
                new RevokeCredentials(aws.stores(), aws.customerAccounts(), clock),
                new UnlockCodeLogin(aws.stores(), aws.customerAccounts(), clock),
                new AuditTrail(aws.stores(), aws.customers(), aws.auditLog()),
                new SupportDirectory(aws.stores(), aws.customers(), aws.auditLog(), policy, clock));
    }

    public UpdateEmailHandler(UpdateEmail updateEmail, RevokeCredentials revokeCredentials,
                              UnlockCodeLogin unlockCodeLogin, AuditTrail auditTrail,
                              SupportDirectory supportDirectory) {
        this.updateEmail = updateEmail;
        this.revokeCredentials = revokeCredentials;
        this.unlockCodeLogin = unlockCodeLogin;
        this.auditTrail = auditTrail;
        this.supportDirectory = supportDirectory;
    }

    @Override
    protected RouteTable routes() {
        return RouteTable.of(Map.of(
                "GET /admin/stores", request -> ApiResponse.json(200, stores(request.agent(null))),
                "GET /admin/stores/{storeId}/customers", request -> ApiResponse.json(200,
                        search(request.agent(null), request.pathId("storeId"), request.query().get("q"))),
                "GET " + CUSTOMER, request -> ApiResponse.json(200,
                        customer(request.agent(null), request.pathId("storeId"), request.pathId("customerId"))),
                "PUT " + CUSTOMER + "/email", this::updateEmail,
                "POST " + CUSTOMER + "/revoke", request -> ApiResponse.json(200, revoke(agent(request),
                        request.pathId("storeId"), request.pathId("customerId"))),
                "POST " + CUSTOMER + "/unlock", request -> ApiResponse.json(200, unlock(agent(request),
                        request.pathId("storeId"), request.pathId("customerId"))),
                "GET " + CUSTOMER + "/audit", request -> ApiResponse.json(200,
                        audit(request.agent(null), request.pathId("storeId"), request.pathId("customerId")))));
    }

    /** The signed-in agent, labelled with the body's optional {@code agentId} and acting for its {@code reason}. */
    private static Actor agent(ApiRequest request) {
        RequestBody body = request.optionalJsonBody();
        return request.agent(body.optionalId("agentId").orElse(null))
                .because(body.optionalString("reason").orElse(null));
    }

    private ApiResponse updateEmail(ApiRequest request) {
        RequestBody body = request.jsonBody();
        Actor caller = request.agent(body.optionalId("agentId").orElse(null))
                .because(body.optionalString("reason").orElse(null));
        return ApiResponse.json(200, updateEmail(caller, request.pathId("storeId"), request.pathId("customerId"),
                body.requiredString("email")));
    }

    @Override
    public Map<String, Object> direct(RequestBody payload) {
        String action = payload.optionalString("action").orElse("update-email");
        if (action.equals("stores")) {
            return stores(Actor.trustedBackend(payload.optionalId("agentId").orElse(null)));
        }
        String storeId = payload.requiredId("storeId");
        if (action.equals("search")) {
            return search(Actor.trustedBackend(payload.optionalId("agentId").orElse(null)), storeId,
                    payload.optionalString("q").orElse(null));
        }
        String customerId = payload.requiredId("customerId");
        String reason = payload.optionalString("reason").orElse(null);
        return switch (action) {
            case "update-email" -> updateEmail(Actor.trustedBackend(payload.requiredId("agentId")).because(reason),
                    storeId, customerId, payload.requiredString("email"));
            case "revoke" -> revoke(Actor.trustedBackend(payload.requiredId("agentId")).because(reason), storeId,
                    customerId);
            case "unlock" -> unlock(Actor.trustedBackend(payload.requiredId("agentId")).because(reason), storeId,
                    customerId);
            case "audit" -> audit(Actor.trustedBackend(payload.optionalId("agentId").orElse(null)), storeId,
                    customerId);
            case "customer" -> customer(Actor.trustedBackend(payload.optionalId("agentId").orElse(null)), storeId,
                    customerId);
            default -> throw new InvalidRequest("Field 'action' must be one of update-email, revoke, unlock, audit, "
                    + "stores, search, customer.");
        };
    }

    private Map<String, Object> updateEmail(Actor caller, String storeId, String customerId, String email) {
        UpdateEmail.Updated updated = updateEmail.update(caller, storeId, customerId, email);
        return Map.of("customerId", customerId, "email", updated.email().value(), "changed", updated.changed());
    }

    private Map<String, Object> revoke(Actor caller, String storeId, String customerId) {
        Instant at = revokeCredentials.revoke(caller, storeId, customerId);
        return Map.of("customerId", customerId, "revoked", true, "revokedAt", at.toString());
    }

    private Map<String, Object> unlock(Actor caller, String storeId, String customerId) {
        unlockCodeLogin.unlock(caller, storeId, customerId);
        return Map.of("customerId", customerId, "codeLoginLocked", false);
    }

    private Map<String, Object> audit(Actor caller, String storeId, String customerId) {
        List<Map<String, Object>> entries = auditTrail.list(caller, storeId, customerId).stream()
                .map(UpdateEmailHandler::document).toList();
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
