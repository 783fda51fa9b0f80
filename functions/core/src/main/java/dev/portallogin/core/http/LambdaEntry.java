package dev.portallogin.core.http;

import com.amazonaws.services.lambda.runtime.Context;
import dev.portallogin.core.domain.PortalFailure;
import dev.portallogin.core.json.Json;
import dev.portallogin.core.log.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The shared edge of every handler: reads the invocation, tells an API Gateway event from a direct payload,
 * runs the function's route, and writes the answer. Whatever goes wrong, the caller gets a JSON document from
 * the contract, never a stack trace; unexpected failures are logged by class name only.
 */
public final class LambdaEntry {

    /** A function's behaviour: one for HTTP events, one for direct payloads (the dashboard's invocations). */
    public interface Routes {
        ApiResponse http(ApiRequest request);

        /** The JSON document a direct invocation returns; by default direct invocation is not offered. */
        default Map<String, Object> direct(RequestBody payload) {
            throw new PortalFailure.InvalidRequest("This function is only reachable over HTTP.");
        }
    }

    private LambdaEntry() {
    }

    public static void handle(InputStream input, OutputStream output, Context context, Routes routes)
            throws IOException {
        Log.startRequest(context == null ? null : context.getAwsRequestId());
        try {
            Object result = invoke(input, routes);
            output.write(Json.write(result).getBytes(StandardCharsets.UTF_8));
        } finally {
            Log.endRequest();
        }
    }

    @SuppressWarnings("unchecked")
    private static Object invoke(InputStream input, Routes routes) {
        Map<String, Object> event;
        try {
            Object parsed = Json.parse(input);
            if (!(parsed instanceof Map<?, ?> map)) {
                return FailureResponses.document(
                        FailureResponses.answer(new PortalFailure.InvalidRequest(
                                "The payload must be a JSON object.")));
            }
            event = (Map<String, Object>) map;
        } catch (IOException | RuntimeException malformed) {
            return FailureResponses.document(
                    FailureResponses.answer(new PortalFailure.InvalidRequest("The payload is not valid JSON.")));
        }
        if (ApiRequest.isApiGatewayEvent(event)) {
            return serveHttp(ApiRequest.from(event), routes).toEvent();
        }
        return serveDirect(event, routes);
    }

    private static ApiResponse serveHttp(ApiRequest request, Routes routes) {
        try {
            return routes.http(request);
        } catch (RuntimeException failure) {
            logUnexpected(failure);
            return FailureResponses.response(failure, FailureResponses.languageOf(request));
        }
    }

    private static Map<String, Object> serveDirect(Map<String, Object> payload, Routes routes) {
        try {
            return routes.direct(RequestBody.of(payload));
        } catch (RuntimeException failure) {
            logUnexpected(failure);
            return FailureResponses.document(FailureResponses.answer(failure));
        }
    }

    private static void logUnexpected(RuntimeException failure) {
        if (!(failure instanceof PortalFailure)) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            // The AWS error code says what went wrong without echoing request values the message may quote.
            String awsErrorCode = failure instanceof AwsServiceException service && service.awsErrorDetails() != null
                    ? service.awsErrorDetails().errorCode() : null;
            String cancellationReasons = failure instanceof TransactionCanceledException cancelled
                    ? cancelled.cancellationReasons().stream().map(reason -> String.valueOf(reason.code())).toList()
                            .toString() : null;
            Log.error("unexpected_failure", "type", failure.getClass().getName(),
                    "rootType", root.getClass().getName(), "awsErrorCode", awsErrorCode,
                    "cancellationReasons", cancellationReasons);
        }
    }
}
