package dev.portallogin.core.port;

/** Sends text messages. */
public interface SmsSender {

    /**
     * Sends {@code text} to a number in E.164 form or throws {@link DeliveryException} when the SMS service
     * refused or failed it.
     */
    void send(String phoneE164, String text);
}
