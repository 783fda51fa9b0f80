package dev.portallogin.updateemail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portallogin.core.adapter.ses.SesMailer;
import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Config;
import dev.portallogin.core.config.Priming;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.PortalFailure.InvalidRequest;
import dev.portallogin.core.domain.RecordId;
import dev.portallogin.core.http.ApiRequest;
import dev.portallogin.core.http.ApiResponse;
import dev.portallogin.core.http.LambdaEntry;
import dev.portallogin.core.http.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer-profile actions of the support dashboard, over HTTP (IAM-authorised {@code /admin} routes) and as
 * direct invocations whose payload names the {@code action}:
 * <ul>
 *   <li>{@code PUT /admin/customers/{customerId}/email} — {@code {"storeId","email","agentId"}};
 *       direct: {@code {"action":"update-email"} } (the default) with {@code customerId}</li>
 *   <li>{@code POST /admin/customers/{customerId}/revoke} — {@code {"storeId","agentId"}}; direct: {@code revoke}</li>
 *   <li>{@code GET /admin/customers/{customerId}/audit?storeId=} — direct: {@code audit}</li>
 *   <li>{@code GET /admin/stores} — direct: {@code stores}; {@code GET /admin/customers?storeId=&q=} — direct:
 *       {@code search} with {@code q}; {@code GET /admin/customers/{customerId}?storeId=} — direct: {@code customer}</li>
 * </ul>
 */
public final class UpdateEmailHandler implements RequestStreamHandler, LambdaEntry.Routes {

    private final UpdateEmail updateEmail;
    private final RevokeCredentials revokeCredentials;
    private final AuditTrail auditTrail;
    private final SupportDirectory supportDirectory;

    /**
     * Lambda's constructor: real AWS wiring from the environment, built once per execution environment, with
     * {@link Priming} registered for SnapStart (and run now when PRIME_ON_INIT is set).
     */
    public UpdateEmailHandler() {
        this(Priming.prepare(Config.fromEnvironment()));
    }

    public UpdateEmailHandler(Config config) {
        this(config, Clock.systemUTC());
    }

    public UpdateEmailHandler(Config config, Clock clock) {
        this(new AwsClients(config), clock);
    }

    private UpdateEmailHandler(AwsClients aws, Clock clock) {
        this(new UpdateEmail(aws.customerDirectory(), SesMailer.create(aws), clock),
                new RevokeCredentials(aws.customerDirectory(), clock),
                new AuditTrail(aws.customerDirectory(), aws.auditLog()),
                new SupportDirectory(aws.customerDirectory()));
    }

    public UpdateEmailHandler(UpdateEmail updateEmail, RevokeCredentials revokeCredentials, AuditTrail auditTrail,
                              SupportDirectory supportDirectory) {
        this.updateEmail = updateEmail;
        this.revokeCredentials = revokeCredentials;
        this.auditTrail = auditTrail;
        this.supportDirectory = supportDirectory;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LambdaEntry.handle(input, output, context, this);
    }

    @Override
    public ApiResponse http(ApiRequest request) {
        String path = request.path();
        if ("GET".equals(request.method()) && path.endsWith("/admin/stores")) {
            return ApiResponse.json(200, stores());
        }
        if ("GET".equals(request.method()) && path.endsWith("/admin/customers")) {
            return ApiResponse.json(200, search(storeIdFromQuery(request), request.query().get("q")));
        }
        String customerId = customerId(request);
        if ("GET".equals(request.method()) && path.endsWith("/admin/customers/" + customerId)) {
            return ApiResponse.json(200, customer(storeIdFromQuery(request), customerId));
        }
        if ("PUT".equals(request.method()) && path.endsWith("/email")) {
            RequestBody body = RequestBody.parse(request.body());
            return ApiResponse.json(200, updateEmail(body.requiredId("storeId"), customerId, body));
        }
        if ("POST".equals(request.method()) && path.endsWith("/revoke")) {
            RequestBody body = RequestBody.parse(request.body());
            return ApiResponse.json(200, revoke(body.requiredId("storeId"), customerId, body));
        }
        if ("GET".equals(request.method()) && path.endsWith("/audit")) {
            return ApiResponse.json(200, audit(storeIdFromQuery(request), customerId));
        }
        throw new InvalidRequest("Unknown route: " + request.method() + " " + path);
    }

    @Override
    public Map<String, Object> direct(RequestBody payload) {
        String action = payload.optionalString("action").orElse("update-email");
        if (action.equals("stores")) {
            return stores();
        }
        String storeId = payload.requiredId("storeId");
        if (action.equals("search")) {
            return search(storeId, payload.optionalString("q").orElse(null));
        }
        String customerId = payload.requiredId("customerId");
        return switch (action) {
            case "update-email" -> updateEmail(storeId, customerId, payload);
            case "revoke" -> revoke(storeId, customerId, payload);
            case "audit" -> audit(storeId, customerId);
            case "customer" -> customer(storeId, customerId);
            default -> throw new InvalidRequest("Field 'action' must be one of update-email, revoke, audit, "
                    + "stores, search, customer.");
        };
    }

    private Map<String, Object> updateEmail(String storeId, String customerId, RequestBody body) {
        EmailAddress email = updateEmail.update(storeId, customerId, body.requiredString("email"),
                body.requiredId("agentId"));
        return Map.of("customerId", customerId, "email", email.value());
    }

    private Map<String, Object> revoke(String storeId, String customerId, RequestBody body) {
        Instant at = revokeCredentials.revoke(storeId, customerId, body.requiredId("agentId"));
        return Map.of("customerId", customerId, "revoked", true, "revokedAt", at.toString());
    }

    private Map<String, Object> audit(String storeId, String customerId) {
        List<Map<String, Object>> entries = auditTrail.list(storeId, customerId).stream()
                .map(UpdateEmailHandler::document).toList();
        return Map.of("customerId", customerId, "entries", entries);
    }

    private Map<String, Object> stores() {
        List<Map<String, Object>> stores = supportDirectory.stores().stream()
                .map(store -> Map.<String, Object>of("storeId", store.storeId(), "name", store.name(),
                        "portalUrl", store.portalUrl()))
                .toList();
        return Map.of("stores", stores);
    }

    private Map<String, Object> search(String storeId, String query) {
        List<Map<String, Object>> customers = supportDirectory.search(storeId, query).stream()
                .map(UpdateEmailHandler::contact).toList();
        return Map.of("storeId", storeId, "customers", customers);
    }

    private Map<String, Object> customer(String storeId, String customerId) {
        SupportDirectory.CustomerView view = supportDirectory.customer(storeId, customerId);
        Map<String, Object> document = contact(view.customer());
        document.put("emailBouncing", view.customer().emailBouncing());
        document.put("deliverableEmail", view.deliverableEmail());
        document.put("subscriptions", view.subscriptions().stream()
                .map(subscription -> Map.<String, Object>of("subscriptionId", subscription.subscriptionId(),
                        "status", subscription.status()))
                .toList());
        return document;
    }

    private static Map<String, Object> contact(Customer customer) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("customerId", customer.customerId());
        document.put("firstName", customer.firstName());
        document.put("lastName", customer.lastName());
        document.put("email", customer.email());
        document.put("phone", customer.phoneE164());
        return document;
    }

    private static String storeIdFromQuery(ApiRequest request) {
        String storeId = request.query().get("storeId");
        if (!RecordId.isWellFormed(storeId)) {
            throw new InvalidRequest("Query parameter 'storeId' is required.");
        }
        return storeId;
    }

    private static Map<String, Object> document(AuditEntry entry) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("action", entry.action());
        document.put("agentId", entry.agentId());
        document.put("at", entry.at().toString());
        document.put("details", entry.details());
        return document;
    }

    private static String customerId(ApiRequest request) {
        String customerId = request.pathParameters().get("customerId");
        if (customerId == null) {
            String[] parts = request.path().split("/");
            customerId = parts.length >= 2 ? parts[parts.length - 2] : null;
        }
        if (!RecordId.isWellFormed(customerId)) {
            throw new InvalidRequest("The customer id in the path is not valid.");
        }
        return customerId;
    }
}
