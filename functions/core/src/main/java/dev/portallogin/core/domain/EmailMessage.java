package dev.portallogin.core.domain;

/**
 * One email, with a plain-text and an HTML body carrying the same content, about one customer of one store (so
 * that a bounce or complaint about it can be traced back to the customer).
 */
public record EmailMessage(String storeId, String customerId, String from, EmailAddress to, String subject,
                           String text, String html) {

    @Override
    public String toString() {
        return "EmailMessage[to=" + to.masked() + "]";
    }
}
