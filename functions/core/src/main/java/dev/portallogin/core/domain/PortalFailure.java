package dev.portallogin.core.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * Everything a caller can get wrong or be refused, one type per reason. The class is sealed and its one
 * constructor takes a {@link FailureCode}, so a new kind of failure cannot exist without its code and status, and
 * the HTTP layer maps every failure to its answer without a table to keep in step. These carry no stack trace
 * because they are answers, not bugs.
 */
public abstract sealed class PortalFailure extends RuntimeException {

    private final FailureCode code;

    private PortalFailure(FailureCode code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public final FailureCode code() {
        return code;
    }

    /** The message to show, under this key in {@code messages.properties}. */
    public String messageKey() {
        return code.messageKey();
    }

    /** The values the message names, in the order of its placeholders. */
    public Object[] messageArguments() {
        return new Object[0];
    }

    /** Malformed JSON, a missing or mistyped field; {@code detail} names the field and is safe to show. */
    public static final class InvalidRequest extends PortalFailure {
        public InvalidRequest(String detail) {
            super(FailureCode.INVALID_REQUEST, detail);
        }

        @Override
        public String messageKey() {
            return super.messageKey() + ".detail";
        }

        @Override
        public Object[] messageArguments() {
            return new Object[] {getMessage()};
        }
    }

    public static final class InvalidIdentifier extends PortalFailure {
        public InvalidIdentifier() {
            super(FailureCode.INVALID_IDENTIFIER, "neither an email address nor a phone number");
        }
    }

    public static final class UnknownStore extends PortalFailure {
        public UnknownStore() {
            super(FailureCode.UNKNOWN_STORE, "unknown store");
        }
    }

    public static final class RateLimited extends PortalFailure {
        private final Duration retryAfter;

        public RateLimited(Duration retryAfter) {
            super(FailureCode.RATE_LIMITED, "rate limited");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }

        /** Whole seconds to wait, at least one: the {@code Retry-After} value. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }

        @Override
        public String messageKey() {
            return super.messageKey() + ".wait";
        }

        @Override
        public Object[] messageArguments() {
            return new Object[] {Duration.ofSeconds(retryAfterSeconds())};
        }
    }

    /** Wrong, expired, used or exhausted code: deliberately one answer for all four. */
    public static final class InvalidCode extends PortalFailure {
        public InvalidCode() {
            super(FailureCode.INVALID_CODE, "invalid code");
        }
    }

    /**
     * A link that does not sign in, and why. For a link that was really issued, the store it is for and the masked
     * address it was sent to come along (never more: whoever holds the link was sent exactly that), so the page can
     * say what happened and offer a new code for that store; a link that support revoked, or that an email change
     * cut off, tells nothing about the customer. An expired link names how long links work.
     */
    public static final class InvalidLink extends PortalFailure {

        /** Why a link does not sign in. */
        public enum Reason { UNKNOWN, EXPIRED, USED, REPLACED, REVOKED }

        private final Reason reason;
        private final String storeId;
        private final String storeName;
        private final String sentTo;
        private final Duration linkLifetime;

        public InvalidLink() {
            this(Reason.UNKNOWN, null, null, null, null);
        }

        public InvalidLink(Reason reason, String storeId, String storeName, String sentTo, Duration linkLifetime) {
            super(FailureCode.INVALID_LINK, "invalid link");
            this.reason = reason;
            this.storeId = storeId;
            this.storeName = storeName;
            this.sentTo = reason == Reason.REVOKED ? null : sentTo;
            this.linkLifetime = linkLifetime;
        }

        public Reason reason() {
            return reason;
        }

        public Optional<String> storeId() {
            return Optional.ofNullable(storeId);
        }

        public Optional<String> storeName() {
            return Optional.ofNullable(storeName);
        }

        public Optional<String> sentTo() {
            return Optional.ofNullable(sentTo);
        }

        @Override
        public String messageKey() {
            boolean namesAddress = sentTo != null && reason != Reason.UNKNOWN;
            return super.messageKey() + "." + reason.name().toLowerCase(java.util.Locale.ROOT)
                    + (namesAddress ? ".sent_to" : "");
        }

        /** The store's name (or "the store"), the masked address it went to, and how long links work. */
        @Override
        public Object[] messageArguments() {
            return new Object[] {storeName == null ? "the store" : storeName, sentTo,
                    linkLifetime == null ? "" : linkLifetime};
        }
    }

    /** A request that sets or clears the session cookie, sent by a page of another site than the store's portal. */
    public static final class ForbiddenOrigin extends PortalFailure {
        public ForbiddenOrigin() {
            super(FailureCode.FORBIDDEN_ORIGIN, "forbidden origin");
        }
    }

    public static final class CustomerNotFound extends PortalFailure {
        public CustomerNotFound() {
            super(FailureCode.CUSTOMER_NOT_FOUND, "customer not found");
        }
    }

    public static final class SubscriptionNotFound extends PortalFailure {
        public SubscriptionNotFound() {
            super(FailureCode.SUBSCRIPTION_NOT_FOUND, "subscription not found");
        }
    }

    public static final class NoValidEmail extends PortalFailure {
        public NoValidEmail() {
            super(FailureCode.NO_VALID_EMAIL, "no valid email on file");
        }
    }

    public static final class InvalidEmail extends PortalFailure {
        public InvalidEmail() {
            super(FailureCode.INVALID_EMAIL, "invalid email");
        }
    }

    public static final class EmailInUse extends PortalFailure {
        public EmailInUse() {
            super(FailureCode.EMAIL_IN_USE, "email in use");
        }
    }

    /** A support caller acting on a store it is not listed for, or on a store that does not exist. */
    public static final class Forbidden extends PortalFailure {
        public Forbidden() {
            super(FailureCode.FORBIDDEN, "forbidden");
        }
    }

    /** A request for a route the function does not serve. */
    public static final class RouteNotFound extends PortalFailure {
        public RouteNotFound() {
            super(FailureCode.NOT_FOUND, "no such route");
        }
    }

    /** A body that is not {@code application/json} on a JSON route. */
    public static final class UnsupportedMediaType extends PortalFailure {
        public UnsupportedMediaType() {
            super(FailureCode.UNSUPPORTED_MEDIA_TYPE, "unsupported media type");
        }
    }

    public static final class NotSignedIn extends PortalFailure {
        public NotSignedIn() {
            super(FailureCode.NOT_SIGNED_IN, "not signed in");
        }
    }
}
