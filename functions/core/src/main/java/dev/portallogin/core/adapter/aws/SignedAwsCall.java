package dev.portallogin.core.adapter.aws;

import dev.portallogin.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * One AWS API operation sent as a signed HTTP POST, built from the SDK's own parts (its SigV4 signer, HTTP client,
 * credentials provider and standard retry strategy) instead of a generated service client. The functions call
 * exactly one operation of SES, SNS and Secrets Manager each; a generated client for them costs 0.6 to 2.7 MB of
 * jar and 40 to 100 ms of cold start apiece (see the README's performance section), this costs neither.
 *
 * <p>A 2xx answer returns its body. Anything else throws what a generated client would: an
 * {@link AwsServiceException} carrying the status and AWS error code (never the service's message, which may quote
 * request values), or an {@link SdkClientException} when no answer came. Throttling, 5xx and I/O failures are
 * retried with the SDK's standard strategy, within the call timeout.
 */
public final class SignedAwsCall {

    private static final Pattern XML_ERROR_CODE = Pattern.compile("<Code>([^<]+)</Code>");

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final RetryStrategy retries;
    private final Duration callTimeout;
    private final URI endpoint;
    private final String region;
    private final String signingName;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /**
     * @param endpointOverride  the endpoint to use instead of AWS's (e.g. an emulator), or null
     * @param endpointPrefix    the service's host prefix, e.g. {@code email} for SES
     * @param signingName       the service's SigV4 name, e.g. {@code ses}
     */
    public SignedAwsCall(SdkHttpClient http, AwsCredentialsProvider credentials, RetryStrategy retries,
                         Duration callTimeout, String region, URI endpointOverride, String endpointPrefix,
                         String signingName) {
        this.http = http;
        this.credentials = credentials;
        this.retries = retries;
        this.callTimeout = callTimeout;
        this.region = region;
        this.signingName = signingName;
        this.endpoint = endpointOverride != null ? endpointOverride
                : URI.create("https://" + endpointPrefix + "." + region + "."
                        + PartitionMetadata.of(Region.of(region)).dnsSuffix());
    }

    /** POSTs {@code body} to {@code path} with {@code headers} (Content-Type included) and returns the answer. */
    public byte[] post(String path, Map<String, String> headers, byte[] body) {
        long deadline = System.nanoTime() + callTimeout.toNanos();
        AcquireInitialTokenResponse acquired = retries.acquireInitialToken(
                AcquireInitialTokenRequest.create(signingName));
        RetryToken token = acquired.token();
        pause(acquired.delay());
        while (true) {
            try {
                byte[] answer = attempt(path, headers, body);
                retries.recordSuccess(RecordSuccessRequest.create(token));
                return answer;
            } catch (SdkException failure) {
                RefreshRetryTokenResponse refreshed;
                try {
                    refreshed = retries.refreshRetryToken(
                            RefreshRetryTokenRequest.builder().token(token).failure(failure).build());
                } catch (TokenAcquisitionFailedException notRetryable) {
                    throw failure;
                }
                if (System.nanoTime() + refreshed.delay().toNanos() >= deadline) {
                    throw failure;
                }
                token = refreshed.token();
                pause(refreshed.delay());
            }
        }
    }

    private byte[] attempt(String path, Map<String, String> headers, byte[] body) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .encodedPath(path)
                .putHeader("Content-Length", Integer.toString(body.length));
        headers.forEach(request::putHeader);
        SignedRequest signed = signer.sign(sign -> sign
                .identity(credentials.resolveCredentials())
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpExecuteResponse response;
        byte[] answer;
        try {
            response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            answer = readAll(response);
        } catch (IOException noAnswer) {
            throw SdkClientException.builder().message(signingName + " did not answer").cause(noAnswer).build();
        }
        SdkHttpResponse status = response.httpResponse();
        if (status.isSuccessful()) {
            return answer;
        }
        String errorCode = errorCode(status, answer);
        throw AwsServiceException.builder()
                .message(signingName + " answered " + status.statusCode() + " " + errorCode)
                .statusCode(status.statusCode())
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(errorCode)
                        .serviceName(signingName)
                        .sdkHttpResponse(status)
                        .build())
                .build();
    }

    /** The AWS error code of a failed answer, from whichever place its protocol puts it. */
    static String errorCode(SdkHttpResponse response, byte[] body) {
        String header = response.firstMatchingHeader("x-amzn-ErrorType").orElse(null);
        if (header != null) {
            return header.split(":", 2)[0];
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Matcher xml = XML_ERROR_CODE.matcher(text);
        if (xml.find()) {
            return xml.group(1);
        }
        try {
            if (Json.parse(text) instanceof Map<?, ?> json && json.get("__type") instanceof String type) {
                return type.substring(type.indexOf('#') + 1);
            }
        } catch (IOException | RuntimeException notJson) {
            // No code in the body: the status says enough.
        }
        return "HTTP" + response.statusCode();
    }

    private static byte[] readAll(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return new byte[0];
        }
        try (InputStream body = response.responseBody().get()) {
            return body.readAllBytes();
        }
    }

    private static void pause(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw SdkClientException.builder().message("interrupted while waiting to retry").cause(interrupted).build();
        }
    }
}
