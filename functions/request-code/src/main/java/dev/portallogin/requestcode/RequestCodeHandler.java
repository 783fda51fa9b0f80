package dev.portallogin.requestcode;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Config;
import dev.portallogin.core.config.Priming;
import dev.portallogin.core.http.ApiRequest;
import dev.portallogin.core.http.ApiResponse;
import dev.portallogin.core.http.LambdaEntry;
import dev.portallogin.core.http.RequestBody;
import dev.portallogin.core.http.RouteTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;

/** {@code POST /login/code}: answers 202 {"status":"sent"} whether or not the identifier matched a customer. */
public final class RequestCodeHandler implements RequestStreamHandler, LambdaEntry.Routes {

    private static final Map<String, Object> SENT = Map.of("status", "sent");

    private final RequestCode requestCode;
    private final RouteTable routes = RouteTable.of(Map.of("POST /login/code", this::requestCode));

    /**
     * Lambda's constructor: real AWS wiring from the environment, built once per execution environment, with
     * {@link Priming} registered for SnapStart (and run now when PRIME_ON_INIT is set).
     */
    public RequestCodeHandler() {
        this(Priming.prepare(Config.fromEnvironment(), Priming::phoneNumbers));
    }

    /** The template's environment given as a {@link Config}, e.g. by the local runner or the tests. */
    public RequestCodeHandler(Config config) {
        this(config, Clock.systemUTC());
    }

    public RequestCodeHandler(Config config, Clock clock) {
        this(wire(new AwsClients(config), clock));
    }

    public RequestCodeHandler(RequestCode requestCode) {
        this.requestCode = requestCode;
    }

    private static RequestCode wire(AwsClients aws, Clock clock) {
        return new RequestCode(aws.customerDirectory(), aws.loginStore(), aws.rateLimiter(), aws.deliveryQueue(),
                aws.codeKey(), aws.config(), clock);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LambdaEntry.handle(input, output, context, this);
    }

    @Override
    public ApiResponse http(ApiRequest request) {
        return routes.dispatch(request);
    }

    private ApiResponse requestCode(ApiRequest request) {
        RequestBody body = request.jsonBody();
        requestCode.request(new RequestCode.Request(body.requiredId("storeId"), body.requiredString("identifier"),
                request.sourceIp()));
        return ApiResponse.json(202, SENT);
    }
}
