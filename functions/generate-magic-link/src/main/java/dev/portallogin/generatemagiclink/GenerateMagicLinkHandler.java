package dev.portallogin.generatemagiclink;

import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Priming;
import dev.portallogin.core.domain.LoginPolicy;
import dev.portallogin.core.domain.PortalFailure.InvalidRequest;
import dev.portallogin.core.http.SupportActions;
import dev.portallogin.core.http.SupportActions.Action;
import dev.portallogin.core.http.SupportFunction;
import dev.portallogin.generatemagiclink.GenerateMagicLink.GeneratedLink;
import dev.portallogin.generatemagiclink.GenerateMagicLink.Kind;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Magic and portal links for support, from one action table for HTTP and direct invocation:
 * {@code POST /admin/stores/{storeId}/customers/{customerId}/magic-link} and
 * {@code POST /admin/stores/{storeId}/subscriptions/{subscriptionId}/magic-link} (IAM-authorised, body
 * {@code {"kind","send","agentId","reason"}}; 201 for a magic link, 200 for a portal link), and the dashboard
 * backend's direct invocation ({@code {"storeId","customerId" or "subscriptionId","agentId","reason","kind","send"}}),
 * which gets back the document the HTTP route returns as its body.
 */
public final class GenerateMagicLinkHandler extends SupportFunction {

    private static final String STORE = "/admin/stores/{storeId}";

    private final SupportActions actions;

    /** Lambda's constructor: see {@link Priming#lambdaClients}. */
    public GenerateMagicLinkHandler() {
        this(Priming.lambdaClients(), LoginPolicy.fromEnvironment(), Clock.systemUTC());
    }

    /** Wired to the AWS clients the template's environment names: the local runner's and the tests' way in. */
    public GenerateMagicLinkHandler(AwsClients aws, LoginPolicy policy, Clock clock) {
        this(new GenerateMagicLink(aws.stores(), aws.customers(), aws.loginStore(), aws.deliveryQueue(),
                aws.auditLog(), policy, clock));
    }

    public GenerateMagicLinkHandler(GenerateMagicLink generateMagicLink) {
        Function<SupportActions.Call, Map<String, Object>> generate = call -> {
            Optional<String> customerId = call.optionalId("customerId");
            Optional<String> subscriptionId = call.optionalId("subscriptionId");
            if (customerId.isPresent() == subscriptionId.isPresent()) {
                throw new InvalidRequest("Give exactly one of 'customerId' and 'subscriptionId'.");
            }
            return document(generateMagicLink.generate(new GenerateMagicLink.Request(call.caller(),
                    call.id("storeId"), customerId.orElse(null), subscriptionId.orElse(null), kind(call),
                    call.optionalBoolean("send", false))));
        };
        ToIntFunction<Map<String, Object>> created = document -> "magic".equals(document.get("kind")) ? 201 : 200;
        this.actions = new SupportActions(List.of(
                Action.changes("POST " + STORE + "/customers/{customerId}/magic-link", "magic-link", generate)
                        .answering(created),
                Action.changes("POST " + STORE + "/subscriptions/{subscriptionId}/magic-link",
                        "subscription-magic-link", generate).answering(created)), "magic-link");
    }

    @Override
    protected SupportActions actions() {
        return actions;
    }

    private static Kind kind(SupportActions.Call call) {
        String kind = call.optionalString("kind").orElse("magic").toLowerCase(Locale.ROOT);
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
