package dev.portallogin.core.port;

import dev.portallogin.core.domain.CodeRequest;
import dev.portallogin.core.domain.OutgoingMessage;
import java.util.List;

/**
 * Where the functions hand messages for customers, to be sent off the request path. Once {@link #enqueue} returns,
 * each message will be delivered (retried if need be) unless it expires first.
 */
public interface DeliveryQueue {

    /** Hands over all of {@code messages}, or throws {@link DeliveryException} when any could not be handed over. */
    void enqueue(List<OutgoingMessage> messages);

    /** Hands over a customer's ask for a code, to be served after the queue; throws {@link DeliveryException}. */
    void enqueue(CodeRequest request);
}
