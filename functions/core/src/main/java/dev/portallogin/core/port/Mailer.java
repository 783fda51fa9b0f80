package dev.portallogin.core.port;

import dev.portallogin.core.domain.EmailMessage;

/** Sends email. */
public interface Mailer {

    /** Sends the message or throws {@link DeliveryException} when the mail service refused or failed it. */
    void send(EmailMessage message);
}
