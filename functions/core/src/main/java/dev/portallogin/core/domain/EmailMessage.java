package dev.portallogin.core.domain;

/**
 * One email, with a plain-text and an HTML body carrying the same content, about one customer of one store (so
 * that a bounce or complaint about it can be traced back to the customer).
 *
 * @param from     the sender address
 * @param fromName the name shown with it ({@code "Acme Coffee Club" <login@…>}), or null: set by the sender from the
 *                 store's brand, never taken from a queued message
 * @param replyTo  where an answer goes (the store's support contact), or null; set the same way
 */
public record EmailMessage(String storeId, String customerId, String from, EmailAddress to, String subject,
                           String text, String html, String fromName, String replyTo) {

    public EmailMessage(String storeId, String customerId, String from, EmailAddress to, String subject, String text,
                        String html) {
        this(storeId, customerId, from, to, subject, text, html, null, null);
    }

    /** This email as its store sends it: from the store's sender name, answered to its support contact. */
    public EmailMessage sentBy(Store store) {
        return new EmailMessage(storeId, customerId, from, to, subject, text, html,
                store.brand().senderName(), store.brand().supportContact());
    }

    @Override
    public String toString() {
        return "EmailMessage[to=" + to.masked() + "]";
    }
}
