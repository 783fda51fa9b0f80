package dev.portallogin.core.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The Lambda entry of a function served over API Gateway: {@link LambdaEntry} reads the invocation and answers
 * HTTP events from the function's {@link RouteTable} (route key to use case) and direct payloads from
 * {@link #direct}.
 */
public abstract class HttpFunction implements RequestStreamHandler, LambdaEntry.Routes {

    /** Built at the first HTTP request; a race only builds the same table twice. */
    private volatile RouteTable routes;

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LambdaEntry.handle(input, output, context, this);
    }

    @Override
    public final ApiResponse http(ApiRequest request) {
        RouteTable table = routes;
        if (table == null) {
            table = routes();
            routes = table;
        }
        return table.dispatch(request);
    }

    /** The function's routes, from route key to use case; asked for once. */
    protected abstract RouteTable routes();
}
