package dev.portallogin.core.port;

/**
 * A message could not be handed to its delivery service (the queue, SES or SNS); the cause says why, never the
 * message itself. A permanent failure (the service refused this message: an address on the suppression list, a
 * number SMS cannot reach) would fail again on every retry; any other (throttling, an outage, a timeout) may not.
 */
public class DeliveryException extends RuntimeException {

    private final boolean permanent;

    public DeliveryException(String channel, Throwable cause, boolean permanent) {
        super(channel + " delivery failed: " + cause.getClass().getSimpleName(), cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
