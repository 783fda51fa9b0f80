package dev.portallogin.core.port;

import java.time.Instant;

/**
 * Which queued messages were sent already. The queue delivers at least once, and a deliverer can stop between
 * sending and acknowledging; checking here first means a customer gets each message once.
 */
public interface DeliveryRecords {

    boolean wasDelivered(String messageId);

    /** Remembers that the message was sent, until {@code keepUntil} (when a copy of it could no longer arrive). */
    void recordDelivered(String messageId, Instant keepUntil);
}
