package dev.portallogin.core.config;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * An HTTP client for {@link Priming} that never opens a connection: every AWS request gets an empty success in its
 * service's format, so the SDK runs its whole request and response path without anything leaving the process.
 */
final class OfflineHttpClient implements SdkHttpClient {

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        SdkHttpRequest http = request.httpRequest();
        String target = http.firstMatchingHeader("X-Amz-Target").orElse("");
        String contentType;
        String body;
        if (target.endsWith(".Query") || target.endsWith(".Scan")) {
            contentType = "application/x-amz-json-1.0";
            body = "{\"Items\":[],\"Count\":0,\"ScannedCount\":0}";
        } else if (!target.isEmpty() || http.encodedPath().startsWith("/v2/")) {
            contentType = "application/json";
            body = "{}";
        } else {
            contentType = "text/xml";
            body = "<Response><Result/></Response>";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpFullResponse.builder().statusCode(200)
                                .putHeader("Content-Type", contentType)
                                .putHeader("Content-Length", Integer.toString(bytes.length))
                                .putHeader("x-amzn-RequestId", "primed")
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                        .build();
            }

            @Override
            public void abort() {
            }
        };
    }

    @Override
    public String clientName() {
        return "offline";
    }

    @Override
    public void close() {
    }
}
