package dev.portallogin.core.port;

/** A message could not be handed to its delivery service; the cause says why (never the message itself). */
public class DeliveryException extends RuntimeException {

    public DeliveryException(String channel, Throwable cause) {
        super(channel + " delivery failed: " + cause.getClass().getSimpleName(), cause);
    }
}
