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

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LambdaEntry.handle(input, output, context, this);
    }

    @Override
    public final ApiResponse http(ApiRequest request) {
        return routes().dispatch(request);
    }

    protected abstract RouteTable routes();
}
