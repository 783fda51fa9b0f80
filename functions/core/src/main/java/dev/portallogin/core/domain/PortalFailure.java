package dev.portallogin.core.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * Everything a caller can get wrong or be refused, one type per reason. The HTTP layer maps each type to its
 * status, error code and message in one table; these carry no stack trace because they are answers, not bugs.
 */
public abstract class PortalFailure extends RuntimeException {

    protected PortalFailure(String detail) {
        super(detail, null, false, false);
    }

    /** Malformed JSON, a missing or mistyped field; {@code detail} names the field and is safe to show. */
    public static final class InvalidRequest extends PortalFailure {
        public InvalidRequest(String detail) {
            super(detail);
        }
    }

    public static final class InvalidIdentifier extends PortalFailure {
        public InvalidIdentifier() {
            super("neither an email address nor a phone number");
        }
    }

    public static final class UnknownStore extends PortalFailure {
        public UnknownStore() {
            super("unknown store");
        }
    }

    public static final class RateLimited extends PortalFailure {
        private final Duration retryAfter;

        public RateLimited(Duration retryAfter) {
            super("rate limited");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** Wrong, expired, used or exhausted code: deliberately one answer for all four. */
    public static final class InvalidCode extends PortalFailure {
        public InvalidCode() {
            super("invalid code");
        }
    }

    /**
     * A link that does not sign in, and why. For a link that was really issued, the store it is for and the masked
     * address it was sent to come along (never more: whoever holds the link was sent exactly that), so the page can
     * say what happened and offer a new code for that store; a link that support revoked, or that an email change
     * cut off, tells nothing about the customer.
     */
    public static final class InvalidLink extends PortalFailure {

        /** Why a link does not sign in. */
        public enum Reason { UNKNOWN, EXPIRED, USED, REPLACED, REVOKED }

        private final Reason reason;
        private final String storeId;
        private final String storeName;
        private final String sentTo;

        public InvalidLink() {
            this(Reason.UNKNOWN, null, null, null);
        }

        public InvalidLink(Reason reason, String storeId, String storeName, String sentTo) {
            super("invalid link");
            this.reason = reason;
            this.storeId = storeId;
            this.storeName = storeName;
            this.sentTo = reason == Reason.REVOKED ? null : sentTo;
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
    }

    /** A request that sets or clears the session cookie, sent by a page of another site than the store's portal. */
    public static final class ForbiddenOrigin extends PortalFailure {
        public ForbiddenOrigin() {
            super("forbidden origin");
        }
    }

    public static final class CustomerNotFound extends PortalFailure {
        public CustomerNotFound() {
            super("customer not found");
        }
    }

    public static final class SubscriptionNotFound extends PortalFailure {
        public SubscriptionNotFound() {
            super("subscription not found");
        }
    }

    public static final class NoValidEmail extends PortalFailure {
        public NoValidEmail() {
            super("no valid email on file");
        }
    }

    public static final class InvalidEmail extends PortalFailure {
        public InvalidEmail() {
            super("invalid email");
        }
    }

    public static final class EmailInUse extends PortalFailure {
        public EmailInUse() {
            super("email in use");
        }
    }

    /** A support caller acting on a store it is not listed for, or on a store that does not exist. */
    public static final class Forbidden extends PortalFailure {
        public Forbidden() {
            super("forbidden");
        }
    }

    /** A request for a route the function does not serve. */
    public static final class RouteNotFound extends PortalFailure {
        public RouteNotFound() {
            super("no such route");
        }
    }

    /** A body that is not {@code application/json} on a JSON route. */
    public static final class UnsupportedMediaType extends PortalFailure {
        public UnsupportedMediaType() {
            super("unsupported media type");
        }
    }

    public static final class NotSignedIn extends PortalFailure {
        public NotSignedIn() {
            super("not signed in");
        }
    }
}
