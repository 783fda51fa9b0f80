package dev.portallogin.verifylink;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portallogin.core.adapter.secrets.SecretsManagerCodeKey;
import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Config;
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
import java.util.Optional;

/**
 * The customer's side of signing in: {@code POST /login/verify} (code), {@code POST /login/magic} (link, as JSON
 * from the landing page's script or as a plain form post), and {@code GET}/{@code HEAD /login/magic}, the landing
 * page, which never spends the link.
 */
public final class VerifyLinkHandler implements RequestStreamHandler, LambdaEntry.Routes {

    private final VerifyCode verifyCode;
    private final ConsumeMagicLink consumeMagicLink;

    public VerifyLinkHandler() {
        this(Config.fromEnvironment());
    }

    public VerifyLinkHandler(Config config) {
        this(config, Clock.systemUTC());
    }

    public VerifyLinkHandler(Config config, Clock clock) {
        this(new AwsClients(config), clock);
    }

    private VerifyLinkHandler(AwsClients aws, Clock clock) {
        this(new VerifyCode(aws.customerDirectory(), aws.loginStore(), SecretsManagerCodeKey.create(aws),
                aws.config(), clock), new ConsumeMagicLink(aws.loginStore(), aws.config(), clock));
    }

    public VerifyLinkHandler(VerifyCode verifyCode, ConsumeMagicLink consumeMagicLink) {
        this.verifyCode = verifyCode;
        this.consumeMagicLink = consumeMagicLink;
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
        return SessionCookie.signedIn(consumeMagicLink.consume(body.requiredString("token")));
    }

    /** The landing page's no-script fallback: a form post answered with a redirect into the portal. */
    private ApiResponse signInWithForm(ApiRequest request) {
        String token = formField(request.body(), "token");
        try {
            Session session = consumeMagicLink.consume(token);
            return ApiResponse.redirect("../").withCookie(SessionCookie.issue(session));
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
