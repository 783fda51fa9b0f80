package dev.portallogin.core.http;

import dev.portallogin.core.domain.FailureCode;
import dev.portallogin.core.domain.PortalFailure;
import dev.portallogin.core.domain.PortalFailure.InvalidLink;
import dev.portallogin.core.domain.PortalFailure.RateLimited;
import dev.portallogin.core.port.DeliveryException;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place that turns a failure into a status, an error code and a sentence for a person. Each
 * {@link PortalFailure} carries its {@link FailureCode}; the sentences are in {@code messages.properties}.
 */
public final class FailureResponses {

    /** Status, error code and message of one failure. */
    public record Answer(int status, String error, String message) {
    }

    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("dev.portallogin.core.http.messages",
            Locale.ROOT);

    private FailureResponses() {
    }

    public static Answer answer(Throwable failure) {
        if (failure instanceof PortalFailure refused) {
            return new Answer(refused.code().status(), refused.code().error(),
                    message(refused.messageKey(), refused.messageArguments()));
        }
        FailureCode code = failure instanceof SdkException || failure instanceof DeliveryException
                ? FailureCode.SERVICE_UNAVAILABLE : FailureCode.INTERNAL_ERROR;
        return new Answer(code.status(), code.error(), message(code.messageKey()));
    }

    private static String message(String key, Object... arguments) {
        return new MessageFormat(MESSAGES.getString(key), Locale.ROOT).format(arguments);
    }

    /** The JSON document of a failure, the same for HTTP bodies and direct invocations. */
    public static Map<String, Object> document(Answer answer) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("error", answer.error());
        document.put("message", answer.message());
        return document;
    }

    public static ApiResponse response(Throwable failure) {
        Answer answer = answer(failure);
        if (failure instanceof InvalidLink refused) {
            return ApiResponse.json(answer.status(), linkDocument(refused));
        }
        ApiResponse response = ApiResponse.json(answer.status(), document(answer));
        if (failure instanceof RateLimited limited) {
            return response.withHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
        }
        if (answer.status() == FailureCode.SERVICE_UNAVAILABLE.status()) {
            return response.withHeader("Retry-After", "5");
        }
        return response;
    }

    /**
     * A refused link's answer: why, and for a link that was really issued the store (so the page can offer a new
     * code there) and the masked address it went to; nothing about the customer after a revoke or an email change.
     */
    public static Map<String, Object> linkDocument(InvalidLink refused) {
        Map<String, Object> document = document(answer(refused));
        document.put("reason", refused.reason().name().toLowerCase(Locale.ROOT));
        refused.storeId().ifPresent(storeId -> document.put("storeId", storeId));
        refused.storeName().ifPresent(name -> document.put("storeName", name));
        refused.sentTo().ifPresent(sentTo -> document.put("sentTo", sentTo));
        return document;
    }
}
