package dev.portallogin.generatemagiclink;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portallogin.core.adapter.ses.SesMailer;
import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Config;
import dev.portallogin.core.config.Priming;
import dev.portallogin.core.domain.PortalFailure.InvalidRequest;
import dev.portallogin.core.http.ApiRequest;
import dev.portallogin.core.http.ApiResponse;
import dev.portallogin.core.http.LambdaEntry;
import dev.portallogin.core.http.RequestBody;
import dev.portallogin.generatemagiclink.GenerateMagicLink.GeneratedLink;
import dev.portallogin.generatemagiclink.GenerateMagicLink.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /admin/magic-link} (IAM-authorised) and the same request as a direct Lambda invocation from the
 * merchant dashboard, which gets back the document the HTTP route returns as its body.
 */
public final class GenerateMagicLinkHandler implements RequestStreamHandler, LambdaEntry.Routes {

    private final GenerateMagicLink generateMagicLink;

    /**
     * Lambda's constructor: real AWS wiring from the environment, built once per execution environment, with
     * {@link Priming} registered for SnapStart (and run now when PRIME_ON_INIT is set).
     */
    public GenerateMagicLinkHandler() {
        this(Priming.prepare(Config.fromEnvironment()));
    }

    public GenerateMagicLinkHandler(Config config) {
        this(config, Clock.systemUTC());
    }

    public GenerateMagicLinkHandler(Config config, Clock clock) {
        this(wire(new AwsClients(config), clock));
    }

    public GenerateMagicLinkHandler(GenerateMagicLink generateMagicLink) {
        this.generateMagicLink = generateMagicLink;
    }

    private static GenerateMagicLink wire(AwsClients aws, Clock clock) {
        return new GenerateMagicLink(aws.customerDirectory(), aws.loginStore(), SesMailer.create(aws), aws.auditLog(),
                aws.config(), clock);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LambdaEntry.handle(input, output, context, this);
    }

    @Override
    public ApiResponse http(ApiRequest request) {
        if (!"POST".equals(request.method()) || !request.path().endsWith("/admin/magic-link")) {
            throw new InvalidRequest("Use POST /admin/magic-link.");
        }
        GeneratedLink link = generateMagicLink.generate(parse(RequestBody.parse(request.body())));
        return ApiResponse.json(link.kind() == Kind.MAGIC ? 201 : 200, document(link));
    }

    @Override
    public Map<String, Object> direct(RequestBody payload) {
        return document(generateMagicLink.generate(parse(payload)));
    }

    static GenerateMagicLink.Request parse(RequestBody body) {
        Optional<String> customerId = body.optionalId("customerId");
        Optional<String> subscriptionId = body.optionalId("subscriptionId");
        if (customerId.isPresent() == subscriptionId.isPresent()) {
            throw new InvalidRequest("Give exactly one of 'customerId' and 'subscriptionId'.");
        }
        String kind = body.optionalString("kind").orElse("magic").toLowerCase(Locale.ROOT);
        if (!kind.equals("magic") && !kind.equals("portal")) {
            throw new InvalidRequest("Field 'kind' must be 'magic' or 'portal'.");
        }
        return new GenerateMagicLink.Request(body.requiredId("storeId"), customerId.orElse(null),
                subscriptionId.orElse(null), body.requiredId("agentId"),
                kind.equals("magic") ? Kind.MAGIC : Kind.PORTAL, body.optionalBoolean("send", false));
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
