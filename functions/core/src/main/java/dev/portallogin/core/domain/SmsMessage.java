package dev.portallogin.core.domain;

/** One text message to a phone number in E.164 form, about one customer of one store. */
public record SmsMessage(String storeId, String customerId, String to, String text) {

    @Override
    public String toString() {
        return "SmsMessage[to=" + (to.length() > 6 ? to.substring(0, 2) + "***" + to.substring(to.length() - 4)
                : "?") + "]";
    }
}
