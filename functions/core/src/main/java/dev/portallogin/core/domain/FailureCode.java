package dev.portallogin.core.domain;

import java.util.Locale;

/**
 * Every error code the API answers, with its status: the one list the HTTP layer, the OpenAPI description and the
 * tests take them from. The sentence for a person is in {@code messages.properties} under {@link #messageKey()}.
 */
public enum FailureCode {
    INVALID_REQUEST(400),
    INVALID_IDENTIFIER(400),
    INVALID_EMAIL(400),
    INVALID_CODE(401),
    INVALID_LINK(401),
    NOT_SIGNED_IN(401),
    FORBIDDEN(403),
    FORBIDDEN_ORIGIN(403),
    UNKNOWN_STORE(404),
    CUSTOMER_NOT_FOUND(404),
    SUBSCRIPTION_NOT_FOUND(404),
    NOT_FOUND(404),
    EMAIL_IN_USE(409),
    UNSUPPORTED_MEDIA_TYPE(415),
    NO_VALID_EMAIL(422),
    RATE_LIMITED(429),
    /** Not a failure of the caller's: the code itself failed. */
    INTERNAL_ERROR(500),
    /** Not a failure of the caller's: a database or the delivery queue failed; asking again may work. */
    SERVICE_UNAVAILABLE(503);

    private final int status;

    FailureCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The code as the API writes it: {@code invalid_code}. */
    public String error() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "failure." + error();
    }

    /** A failure the caller can correct or wait out, as opposed to one of the service's own. */
    public boolean callersFailure() {
        return status < 500;
    }
}
