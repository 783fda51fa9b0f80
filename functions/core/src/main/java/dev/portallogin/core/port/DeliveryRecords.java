package dev.portallogin.core.port;

import java.time.Instant;

/**
 * Which queued messages and code requests were taken on already. The queue delivers at least once, and two copies of
 * one message can arrive at two deliverers at once; each claims the message with one conditional write before it
 * acts, so only one of them sends.
 */
public interface DeliveryRecords {

    /**
     * Claims {@code messageId} until {@code keepUntil} (when a copy of it could no longer arrive). False when it was
     * claimed already: a copy was, or is being, handled.
     */
    boolean claim(String messageId, Instant keepUntil);

    /** Gives a claim back after a failure that may pass, so the queue's next delivery of the message can send it. */
    void release(String messageId);
}
