package dev.portallogin.verifylink;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Config;
import dev.portallogin.core.config.Priming;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.MagicLinkToken;
import dev.portallogin.core.domain.PortalFailure;
import dev.portallogin.core.domain.Session;
import dev.portallogin.core.http.ApiRequest;
import dev.portallogin.core.http.ApiResponse;
import dev.portallogin.core.http.Documents;
import dev.portallogin.core.http.FailureResponses;
import dev.portallogin.core.http.FormFields;
import dev.portallogin.core.http.LambdaEntry;
import dev.portallogin.core.http.RequestBody;
import dev.portallogin.core.http.RouteTable;
import dev.portallogin.core.http.SessionCookie;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
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
    private final RouteTable routes = RouteTable.of(Map.of(
            "POST /login/verify", this::verifyCode,
            "POST /login/magic", this::consumeLink,
            "GET /login/magic", VerifyLinkHandler::landingPage,
            "HEAD /login/magic", request -> landingPage(request).withoutBody(),
            "GET /session", this::currentSession,
            "POST /logout", this::signOut));

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
        this(new VerifyCode(aws.customerDirectory(), aws.loginStore(), aws.auditLog(),
                        aws.codeKey(), aws.config(), clock),
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
        return routes.dispatch(request);
    }

    private ApiResponse verifyCode(ApiRequest request) {
        RequestBody body = request.jsonBody();
        Session session = verifyCode.verify(body.requiredId("storeId"), body.requiredString("identifier"),
                body.requiredString("code"));
        return SessionCookie.signedIn(session);
    }

    private ApiResponse currentSession(ApiRequest request) {
        PortalSessions.Profile profile = sessions.profile(request.cookie(SessionCookie.NAME));
        Customer customer = profile.customer();
        Map<String, Object> document = Documents.session(customer.storeId(), customer.customerId(),
                profile.session().expiresAt());
        document.put("customer", Documents.contact(customer));
        document.put("subscriptions", Documents.subscriptions(profile.subscriptions()));
        return ApiResponse.json(200, document);
    }

    private ApiResponse signOut(ApiRequest request) {
        sessions.signOut(request.cookie(SessionCookie.NAME));
        return ApiResponse.json(200, Map.of("status", "signed_out")).withCookie(SessionCookie.clear());
    }

    private ApiResponse consumeLink(ApiRequest request) {
        return request.isFormPost() ? signInWithForm(request) : signInWithJson(request);
    }

    private static ApiResponse landingPage(ApiRequest request) {
        Optional<MagicLinkToken> token = Optional.ofNullable(request.query().get("token"))
                .flatMap(MagicLinkToken::parse);
        return ApiResponse.html(token.isPresent() ? 200 : 400, MagicLinkPage.render(token))
                .withHeader("Content-Security-Policy", MagicLinkPage.CONTENT_SECURITY_POLICY);
    }

    private ApiResponse signInWithJson(ApiRequest request) {
        RequestBody body = request.jsonBody();
        return signedIn(consumeMagicLink.consume(body.requiredString("token"), request.cookie(SessionCookie.NAME)));
    }

    private static ApiResponse signedIn(ConsumeMagicLink.SignedIn signedIn) {
        ApiResponse response = ApiResponse.json(200,
                Documents.session(signedIn.storeId(), signedIn.customerId(), signedIn.expiresAt()));
        return signedIn.newSession().map(session -> response.withCookie(SessionCookie.issue(session)))
                .orElse(response);
    }

    /** The landing page's no-script fallback: a form post answered with a redirect into the portal. */
    private ApiResponse signInWithForm(ApiRequest request) {
        String token = FormFields.parse(request.body()).get("token");
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
}
