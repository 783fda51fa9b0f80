package dev.portallogin.core.port;

import dev.portallogin.core.domain.EmailMessage;

/** Sends email. */
public interface Mailer {

    /**
     * Sends the message or throws {@link DeliveryException} when the mail service refused or failed it.
     *
     * @param messageId the id of the queued message it comes from, carried with it so that the mail service's
     *                  reports about it (delivered, delayed, bounced…) can be matched to it; null for none
     * @return the mail service's id for the message (SES's {@code MessageId}), or empty when it gave none
     */
    String send(EmailMessage message, String messageId);

    default String send(EmailMessage message) {
        return send(message, null);
    }
}
