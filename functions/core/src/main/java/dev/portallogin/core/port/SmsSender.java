package dev.portallogin.core.port;

/** Sends text messages. */
public interface SmsSender {

    /**
     * Sends {@code text} to a number in E.164 form or throws {@link DeliveryException} when the SMS service
     * refused or failed it.
     *
     * @return the SMS service's id for the message (SNS's {@code MessageId}), or empty when it gave none
     */
    String send(String phoneE164, String text);
}
