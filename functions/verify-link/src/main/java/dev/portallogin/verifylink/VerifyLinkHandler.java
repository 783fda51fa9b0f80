package dev.portallogin.verifylink;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portallogin.core.adapter.secrets.SecretsManagerCodeKey;
import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Config;
import dev.portallogin.core.config.Priming;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.MagicLinkToken;
import dev.portallogin.core.domain.PortalFailure;
import dev.portallogin.core.domain.PortalFailure.InvalidRequest;
import dev.portallogin.core.domain.Session;
import dev.portallogin.core.http.ApiRequest;
import dev.portallogin.core.http.ApiResponse;
import dev.portallogin.core.http.FailureResponses;
import dev.portallogin.core.http.LambdaEntry;
import dev.portallogin.core.http.RequestBody;
import dev.portallogin.core.http.SessionCookie;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The customer's side of signing in: {@code POST /login/verify} (code), {@code POST /login/magic} (link, as JSON
 * from the landing page's script or as a plain form post), {@code GET}/{@code HEAD /login/magic}, the landing
 * page, which never spends the link, and the session itself: {@code GET /session} and {@code POST /logout}.
 */
public final class VerifyLinkHandler implements RequestStreamHandler, LambdaEntry.Routes {

    private final VerifyCode verifyCode;
    private final ConsumeMagicLink consumeMagicLink;
    private final PortalSessions sessions;

    /**
     * Lambda's constructor: real AWS wiring from the environment, built once per execution environment, with
     * {@link Priming} registered for SnapStart (and run now when PRIME_ON_INIT is set).
     */
    public VerifyLinkHandler() {
        this(Priming.prepare(Config.fromEnvironment(), Priming::phoneNumbers));
    }

    public VerifyLinkHandler(Config config) {
        this(config, Clock.systemUTC());
    }

    public VerifyLinkHandler(Config config, Clock clock) {
        this(new AwsClients(config), clock);
    }

    private VerifyLinkHandler(AwsClients aws, Clock clock) {
        this(aws, new PortalSessions(aws.loginStore(), aws.customerDirectory(), clock), clock);
    }

    private VerifyLinkHandler(AwsClients aws, PortalSessions sessions, Clock clock) {
        this(new VerifyCode(aws.customerDirectory(), aws.loginStore(), SecretsManagerCodeKey.create(aws),
                        aws.config(), clock),
                new ConsumeMagicLink(aws.loginStore(), aws.customerDirectory(), sessions, aws.config(), clock),
                sessions);
    }

    public VerifyLinkHandler(VerifyCode verifyCode, ConsumeMagicLink consumeMagicLink, PortalSessions sessions) {
        this.verifyCode = verifyCode;
        this.consumeMagicLink = consumeMagicLink;
        this.sessions = sessions;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LambdaEntry.handle(input, output, context, this);
    }

    @Override
    public ApiResponse http(ApiRequest request) {
        String path = request.path();
        if (path.endsWith("/login/verify") && "POST".equals(request.method())) {
            RequestBody body = RequestBody.parse(request.body());
            Session session = verifyCode.verify(body.requiredId("storeId"), body.requiredString("identifier"),
                    body.requiredString("code"));
            return SessionCookie.signedIn(session);
        }
        if (path.endsWith("/session") && "GET".equals(request.method())) {
            return ApiResponse.json(200, profile(sessions.profile(request.cookie(SessionCookie.NAME))));
        }
        if (path.endsWith("/logout") && "POST".equals(request.method())) {
            sessions.signOut(request.cookie(SessionCookie.NAME));
            return ApiResponse.json(200, Map.of("status", "signed_out")).withCookie(SessionCookie.clear());
        }
        if (path.endsWith("/login/magic")) {
            switch (request.method()) {
                case "GET":
                    return landingPage(request);
                case "HEAD":
                    return landingPage(request).withoutBody();
                case "POST":
                    return request.isFormPost() ? signInWithForm(request) : signInWithJson(request);
                default:
                    break;
            }
        }
        throw new InvalidRequest("Unknown route: " + request.method() + " " + path);
    }

    private static ApiResponse landingPage(ApiRequest request) {
        Optional<MagicLinkToken> token = Optional.ofNullable(request.query().get("token"))
                .flatMap(MagicLinkToken::parse);
        return ApiResponse.html(token.isPresent() ? 200 : 400, MagicLinkPage.render(token))
                .withHeader("Content-Security-Policy", MagicLinkPage.CONTENT_SECURITY_POLICY);
    }

    private ApiResponse signInWithJson(ApiRequest request) {
        RequestBody body = RequestBody.parse(request.body());
        return signedIn(consumeMagicLink.consume(body.requiredString("token"), request.cookie(SessionCookie.NAME)));
    }

    private static ApiResponse signedIn(ConsumeMagicLink.SignedIn signedIn) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("customerId", signedIn.customerId());
        document.put("storeId", signedIn.storeId());
        document.put("expiresAt", signedIn.expiresAt().toString());
        ApiResponse response = ApiResponse.json(200, document);
        return signedIn.newSession().map(session -> response.withCookie(SessionCookie.issue(session)))
                .orElse(response);
    }

    private static Map<String, Object> profile(PortalSessions.Profile profile) {
        Customer customer = profile.customer();
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("firstName", customer.firstName());
        person.put("lastName", customer.lastName());
        person.put("email", customer.email());
        person.put("phone", customer.phoneE164());
        List<Map<String, Object>> subscriptions = profile.subscriptions().stream()
                .map(subscription -> Map.<String, Object>of("subscriptionId", subscription.subscriptionId(),
                        "status", subscription.status()))
                .toList();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("customerId", customer.customerId());
        document.put("storeId", customer.storeId());
        document.put("expiresAt", profile.session().expiresAt().toString());
        document.put("customer", person);
        document.put("subscriptions", subscriptions);
        return document;
    }

    /** The landing page's no-script fallback: a form post answered with a redirect into the portal. */
    private ApiResponse signInWithForm(ApiRequest request) {
        String token = formField(request.body(), "token");
        try {
            ConsumeMagicLink.SignedIn signedIn = consumeMagicLink.consume(token, request.cookie(SessionCookie.NAME));
            ApiResponse redirect = ApiResponse.redirect("../");
            return signedIn.newSession().map(session -> redirect.withCookie(SessionCookie.issue(session)))
                    .orElse(redirect);
        } catch (PortalFailure refused) {
            FailureResponses.Answer answer = FailureResponses.answer(refused);
            return ApiResponse.html(answer.status(), MagicLinkPage.refused(answer.message()));
        }
    }

    private static String formField(String body, String name) {
        if (body == null) {
            return null;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                try {
                    return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return null;
                }
            }
        }
        return null;
    }
}
