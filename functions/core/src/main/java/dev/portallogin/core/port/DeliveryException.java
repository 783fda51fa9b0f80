package dev.portallogin.core.port;

/**
 * A message could not be handed to its delivery service (the queue, SES or SNS); the cause says why, never the
 * message itself. A permanent failure (the service refused this message: an address on the suppression list, a
 * number SMS cannot reach) would fail again on every retry; any other (throttling, an outage, a timeout) may not.
 */
public class DeliveryException extends RuntimeException {

    private final boolean permanent;
    private final String reason;

    public DeliveryException(String channel, Throwable cause, boolean permanent) {
        this(channel, cause, permanent, cause.getClass().getSimpleName());
    }

    /** @param reason what the service answered, fit for an agent to read ({@code Throttling}, {@code HTTP 503}) */
    public DeliveryException(String channel, Throwable cause, boolean permanent, String reason) {
        super(channel + " delivery failed: " + reason, cause);
        this.permanent = permanent;
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public boolean permanent() {
        return permanent;
    }
}
