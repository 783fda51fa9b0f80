package dev.portallogin.generatemagiclink;

import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Priming;
import dev.portallogin.core.domain.LoginPolicy;
import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.PortalFailure.InvalidRequest;
import dev.portallogin.core.http.ApiRequest;
import dev.portallogin.core.http.ApiResponse;
import dev.portallogin.core.http.HttpFunction;
import dev.portallogin.core.http.RequestBody;
import dev.portallogin.core.http.RouteTable;
import dev.portallogin.generatemagiclink.GenerateMagicLink.GeneratedLink;
import dev.portallogin.generatemagiclink.GenerateMagicLink.Kind;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /admin/stores/{storeId}/customers/{customerId}/magic-link} and
 * {@code POST /admin/stores/{storeId}/subscriptions/{subscriptionId}/magic-link} (IAM-authorised, body
 * {@code {"kind","send","agentId","reason"}}), and the same request as a direct Lambda invocation from the dashboard's
 * trusted backend ({@code {"storeId","customerId" or "subscriptionId","agentId","reason","kind","send"}}), which gets back
 * the document the HTTP route returns as its body.
 */
public final class GenerateMagicLinkHandler extends HttpFunction {

    private final GenerateMagicLink generateMagicLink;

    /** Lambda's constructor: see {@link Priming#lambdaClients}. */
    public GenerateMagicLinkHandler() {
        this(Priming.lambdaClients(), LoginPolicy.fromEnvironment(), Clock.systemUTC());
    }

    /** Wired to the AWS clients the template's environment names: the local runner's and the tests' way in. */
    public GenerateMagicLinkHandler(AwsClients aws, LoginPolicy policy, Clock clock) {
        this(wire(aws, policy, clock));
    }

    public GenerateMagicLinkHandler(GenerateMagicLink generateMagicLink) {
        this.generateMagicLink = generateMagicLink;
    }

    private static GenerateMagicLink wire(AwsClients aws, LoginPolicy policy, Clock clock) {
        return new GenerateMagicLink(aws.stores(), aws.customers(), aws.loginStore(), aws.deliveryQueue(),
                aws.auditLog(),
                policy, clock);
    }

    @Override
    protected RouteTable routes() {
        return RouteTable.of(Map.of(
                "POST /admin/stores/{storeId}/customers/{customerId}/magic-link",
                request -> generate(request, request.pathId("customerId"), null),
                "POST /admin/stores/{storeId}/subscriptions/{subscriptionId}/magic-link",
                request -> generate(request, null, request.pathId("subscriptionId"))));
    }

    private ApiResponse generate(ApiRequest request, String customerId, String subscriptionId) {
        RequestBody body = request.optionalJsonBody();
        Actor caller = request.agent(body.optionalId("agentId").orElse(null))
                .because(body.optionalString("reason").orElse(null));
        GeneratedLink link = generateMagicLink.generate(new GenerateMagicLink.Request(caller,
                request.pathId("storeId"), customerId, subscriptionId, kind(body),
                body.optionalBoolean("send", false)));
        return ApiResponse.json(link.kind() == Kind.MAGIC ? 201 : 200, document(link));
    }

    @Override
    public Map<String, Object> direct(RequestBody payload) {
        Optional<String> customerId = payload.optionalId("customerId");
        Optional<String> subscriptionId = payload.optionalId("subscriptionId");
        if (customerId.isPresent() == subscriptionId.isPresent()) {
            throw new InvalidRequest("Give exactly one of 'customerId' and 'subscriptionId'.");
        }
        return document(generateMagicLink.generate(new GenerateMagicLink.Request(
                Actor.trustedBackend(payload.requiredId("agentId")).because(payload.optionalString("reason")
                        .orElse(null)), payload.requiredId("storeId"),
                customerId.orElse(null), subscriptionId.orElse(null), kind(payload),
                payload.optionalBoolean("send", false))));
    }

    private static Kind kind(RequestBody body) {
        String kind = body.optionalString("kind").orElse("magic").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "magic" -> Kind.MAGIC;
            case "portal" -> Kind.PORTAL;
            default -> throw new InvalidRequest("Field 'kind' must be 'magic' or 'portal'.");
        };
    }

    static Map<String, Object> document(GeneratedLink link) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("kind", link.kind().name().toLowerCase(Locale.ROOT));
        document.put("url", link.url());
        document.put("expiresAt", link.expiresAt() == null ? null : link.expiresAt().toString());
        document.put("customerId", link.customerId());
        if (link.emailSent() != null) {
            document.put("emailSent", link.emailSent());
        }
        return document;
    }
}
