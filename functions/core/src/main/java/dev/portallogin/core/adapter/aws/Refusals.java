package dev.portallogin.core.adapter.aws;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Which AWS failures are a service refusing a request for good, as opposed to failing it for now. */
public final class Refusals {

    private static final Set<String> PASSING = Set.of("Throttling", "ThrottlingException", "TooManyRequestsException",
            "LimitExceededException", "RequestTimeout", "RequestTimeoutException", "ServiceUnavailable",
            "InternalFailure", "InternalError", "KMSThrottlingException");

    private Refusals() {
    }

    /** What the service answered, without anything the request held: its error code, its status, or no answer. */
    public static String describe(SdkException failure) {
        if (failure instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            return code != null && !code.isBlank() ? code : "HTTP " + service.statusCode();
        }
        return "no answer (" + failure.getClass().getSimpleName() + ")";
    }

    /** A 4xx answer that is not throttling or a timeout: sending the same request again would be refused again. */
    public static boolean isPermanent(SdkException failure) {
        if (!(failure instanceof AwsServiceException service)) {
            return false;
        }
        int status = service.statusCode();
        String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        return status >= 400 && status < 500 && status != 429 && status != 408 && !PASSING.contains(code);
    }
}
