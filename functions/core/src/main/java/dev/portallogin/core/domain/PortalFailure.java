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
     * Unknown, used, expired or revoked link: one answer for all. For a link that was really issued, the store and
     * the identifier it went to come along, so the page can offer "send me a new code" prefilled; whoever holds the
     * link was sent exactly that.
     */
    public static final class InvalidLink extends PortalFailure {
        private final String storeId;
        private final String identifier;

        public InvalidLink() {
            this(null, null);
        }

        public InvalidLink(String storeId, String identifier) {
            super("invalid link");
            this.storeId = storeId;
            this.identifier = identifier;
        }

        public Optional<String> storeId() {
            return Optional.ofNullable(storeId);
        }

        public Optional<String> identifier() {
            return Optional.ofNullable(identifier);
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
