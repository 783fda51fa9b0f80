package dev.portallogin.verifylink;

import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Priming;
import dev.portallogin.core.domain.LoginPolicy;
import dev.portallogin.core.domain.Brand;
import dev.portallogin.core.domain.BrowserToken;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.MagicLinkToken;
import dev.portallogin.core.domain.PortalFailure.ForbiddenOrigin;
import dev.portallogin.core.domain.PortalFailure.InvalidLink;
import dev.portallogin.core.domain.Session;
import dev.portallogin.core.http.ApiRequest;
import dev.portallogin.core.http.ApiResponse;
import dev.portallogin.core.http.ClientAddress;
import dev.portallogin.core.http.Documents;
import dev.portallogin.core.http.FailureResponses;
import dev.portallogin.core.http.FormFields;
import dev.portallogin.core.http.HttpFunction;
import dev.portallogin.core.http.RequestBody;
import dev.portallogin.core.http.RouteTable;
import dev.portallogin.core.http.SessionCookie;
import dev.portallogin.core.http.SignInCookies;
import dev.portallogin.core.port.OriginSecret;
import java.time.Clock;
import java.util.Map;

/**
 * The customer's side of signing in: {@code POST /login/verify} (code), {@code POST /login/magic} (link, as JSON
 * from the landing page's script or as a plain form post), {@code GET}/{@code HEAD /login/magic}, the landing
 * page, which never spends the link, and the session itself: {@code GET /session} and {@code POST /logout}.
 */
public final class VerifyLinkHandler extends HttpFunction {

    private final VerifyCode verifyCode;
    private final ConsumeMagicLink consumeMagicLink;
    private final PortalSessions sessions;
    private final RememberBrowser rememberBrowser;
    private final OriginSecret originSecret;

    /** Lambda's constructor: see {@link Priming#lambdaClients}. */
    public VerifyLinkHandler() {
        this(Priming.lambdaClients(Priming::phoneNumbers), LoginPolicy.fromEnvironment(), Clock.systemUTC());
    }

    /** Wired to the AWS clients the template's environment names: the local runner's and the tests' way in. */
    public VerifyLinkHandler(AwsClients aws, LoginPolicy policy, Clock clock) {
        this(aws, policy, new PortalSessions(aws.loginStore(), aws.stores(), aws.customers(), clock), clock);
    }

    private VerifyLinkHandler(AwsClients aws, LoginPolicy policy, PortalSessions sessions, Clock clock) {
        this(new VerifyCode(aws.signInContext(), aws.customers(), aws.codeGuesses(), aws.loginStore(),
                aws.rateLimiter(),
                        aws.auditLog(), aws.codeKey(), policy, clock),
                new ConsumeMagicLink(aws.loginStore(), aws.stores(), aws.customers(), sessions, policy, clock),
                sessions, new RememberBrowser(aws.trustedDevices(), policy.deviceLifetime(), clock),
                aws.originSecret());
    }

    public VerifyLinkHandler(VerifyCode verifyCode, ConsumeMagicLink consumeMagicLink, PortalSessions sessions,
                             RememberBrowser rememberBrowser, OriginSecret originSecret) {
        this.verifyCode = verifyCode;
        this.consumeMagicLink = consumeMagicLink;
        this.sessions = sessions;
        this.rememberBrowser = rememberBrowser;
        this.originSecret = originSecret;
    }

    @Override
    protected RouteTable routes() {
        return RouteTable.of(Map.of(
                "POST /login/verify", this::verifyCode,
                "POST /login/magic", this::consumeLink,
                "GET /login/magic", this::landingPage,
                "HEAD /login/magic", request -> landingPage(request).withoutBody(),
                "GET /session", this::currentSession,
                "POST /logout", this::signOut));
    }

    private ApiResponse verifyCode(ApiRequest request) {
        RequestBody body = request.jsonBody();
        Session session = verifyCode.verify(new VerifyCode.Attempt(body.requiredId("storeId"),
                body.requiredString("identifier"), body.requiredString("code"), ClientAddress.of(request, originSecret),
                request.cookie(SignInCookies.DEVICE).orElse(null), request.origin(),
                request.header("accept-language").orElse(null)));
        return withDeviceCookie(SessionCookie.signedIn(session), session);
    }

    /** A browser that signed in is remembered, so limits and pauses strangers cause never stop it. */
    private ApiResponse withDeviceCookie(ApiResponse response, Session session) {
        return rememberBrowser.remember(session)
                .map(device -> response.withCookie(SignInCookies.device(device, rememberBrowser.lifetime())))
                .orElse(response);
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
        sessions.signOut(request.cookie(SessionCookie.NAME), request.origin());
        return ApiResponse.json(200, Map.of("status", "signed_out")).withCookie(SessionCookie.clear());
    }

    private ApiResponse consumeLink(ApiRequest request) {
        return request.isFormPost() ? signInWithForm(request) : signInWithJson(request);
    }

    /**
     * The link's page: what the link is for, spending nothing. A page with a sign-in form also sets the cookie that
     * holds its anti-forgery value, which the form posts back.
     */
    private ApiResponse landingPage(ApiRequest request) {
        String token = request.query().get("token");
        if (MagicLinkToken.parse(token).isEmpty()) {
            return page(400, MagicLinkPage.refused(new InvalidLink(), Brand.NONE, languages(request)));
        }
        ConsumeMagicLink.LinkView view = consumeMagicLink.inspect(token, request.cookie(SessionCookie.NAME),
                request.cookie(SignInCookies.BROWSER));
        BrowserToken form = BrowserToken.generate();
        ApiResponse page = page(200, MagicLinkPage.render(token, view, form,
                request.header("accept-language").orElse(null)));
        boolean hasForm = view.state() == ConsumeMagicLink.State.SIGN_IN_NOW
                || view.state() == ConsumeMagicLink.State.CONFIRM;
        return hasForm ? page.withCookie(SignInCookies.form(form, consumeMagicLink.formLifetime())) : page;
    }

    private static String languages(ApiRequest request) {
        return request.header("accept-language").orElse(null);
    }

    private static ApiResponse page(int status, String html) {
        return ApiResponse.html(status, html)
                .withHeader("Content-Security-Policy", MagicLinkPage.CONTENT_SECURITY_POLICY);
    }

    private ApiResponse signInWithJson(ApiRequest request) {
        RequestBody body = request.jsonBody();
        return signedIn(consumeMagicLink.consume(body.requiredString("token"), request.cookie(SessionCookie.NAME),
                request.origin(), request.header("accept-language").orElse(null)));
    }

    private ApiResponse signedIn(ConsumeMagicLink.SignedIn signedIn) {
        ApiResponse response = ApiResponse.json(200,
                Documents.session(signedIn.storeId(), signedIn.customerId(), signedIn.expiresAt()));
        return signedIn.newSession()
                .map(session -> withDeviceCookie(response.withCookie(SessionCookie.issue(session)), session))
                .orElse(response);
    }

    /**
     * The landing page's no-script fallback: a form post answered with a redirect into the portal. A form post is
     * what any site can make a browser send, so it must carry the anti-forgery value its own page set.
     */
    private ApiResponse signInWithForm(ApiRequest request) {
        Map<String, String> fields = FormFields.parse(request.body());
        // The page's value is bound to its own link: page A's value cannot spend link B.
        boolean fromItsPage = request.cookie(SignInCookies.FORM).flatMap(BrowserToken::parse)
                .filter(form -> form.vouchesFor(fields.get("token"), fields.get("form"))).isPresent();
        if (!fromItsPage) {
            FailureResponses.Answer answer = FailureResponses.answer(new ForbiddenOrigin());
            return page(answer.status(), MagicLinkPage.refused(new InvalidLink(), Brand.NONE, languages(request)));
        }
        try {
            ConsumeMagicLink.SignedIn signedIn = consumeMagicLink.consume(fields.get("token"),
                    request.cookie(SessionCookie.NAME), request.origin(),
                    languages(request));
            ApiResponse redirect = ApiResponse.redirect("../");
            return signedIn.newSession()
                    .map(session -> withDeviceCookie(redirect.withCookie(SessionCookie.issue(session)), session))
                    .orElse(redirect);
        } catch (InvalidLink refused) {
            return page(FailureResponses.answer(refused).status(),
                    MagicLinkPage.refused(refused, Brand.NONE, languages(request)));
        }
    }
}
