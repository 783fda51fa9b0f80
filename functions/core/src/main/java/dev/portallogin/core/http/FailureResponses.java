package dev.portallogin.core.http;

import dev.portallogin.core.domain.FailureCode;
import dev.portallogin.core.domain.PortalFailure;
import dev.portallogin.core.domain.PortalFailure.InvalidLink;
import dev.portallogin.core.domain.PortalFailure.RateLimited;
import dev.portallogin.core.port.DeliveryException;
import dev.portallogin.core.domain.HumanDuration;
import dev.portallogin.core.domain.Language;
import java.text.MessageFormat;
import java.time.Duration;
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

    private static final String MESSAGES = "dev.portallogin.core.http.messages";

    private FailureResponses() {
    }

    /** In English: for callers that name no language (direct invocation, the dashboard). */
    public static Answer answer(Throwable failure) {
        return answer(failure, Language.ENGLISH);
    }

    /**
     * @param language the person's language ({@link Language#SUPPORTED}): the {@code message} is in it, the error
     *                 code stays English
     */
    public static Answer answer(Throwable failure, String language) {
        if (failure instanceof PortalFailure refused) {
            return new Answer(refused.code().status(), refused.code().error(),
                    message(language, refused.messageKey(), refused.messageArguments()));
        }
        FailureCode code = failure instanceof SdkException || failure instanceof DeliveryException
                ? FailureCode.SERVICE_UNAVAILABLE : FailureCode.INTERNAL_ERROR;
        return new Answer(code.status(), code.error(), message(language, code.messageKey()));
    }

    /** The language of a person's browser among those this service speaks; English when it names none of them. */
    public static String languageOf(ApiRequest request) {
        return Language.fromBrowser(request.header("accept-language").orElse(null), Language.SUPPORTED)
                .orElse(Language.ENGLISH);
    }

    private static String message(String language, String key, Object... arguments) {
        Locale locale = Language.locale(language);
        ResourceBundle bundle = ResourceBundle.getBundle(MESSAGES, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] said = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            said[i] = arguments[i] instanceof Duration duration ? HumanDuration.of(duration, language) : arguments[i];
        }
        return new MessageFormat(bundle.getString(key), locale).format(said);
    }

    /** The JSON document of a failure, the same for HTTP bodies and direct invocations. */
    public static Map<String, Object> document(Answer answer) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("error", answer.error());
        document.put("message", answer.message());
        return document;
    }

    public static ApiResponse response(Throwable failure) {
        return response(failure, Language.ENGLISH);
    }

    public static ApiResponse response(Throwable failure, String language) {
        Answer answer = answer(failure, language);
        if (failure instanceof InvalidLink refused) {
            return ApiResponse.json(answer.status(), linkDocument(refused, language));
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
    public static Map<String, Object> linkDocument(InvalidLink refused, String language) {
        Map<String, Object> document = document(answer(refused, language));
        document.put("reason", refused.reason().name().toLowerCase(Locale.ROOT));
        refused.storeId().ifPresent(storeId -> document.put("storeId", storeId));
        refused.storeName().ifPresent(name -> document.put("storeName", name));
        refused.sentTo().ifPresent(sentTo -> document.put("sentTo", sentTo));
        return document;
    }
}
