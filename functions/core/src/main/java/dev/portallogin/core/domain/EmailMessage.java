package dev.portallogin.core.domain;

/** One email, with a plain-text and an HTML body carrying the same content. */
public record EmailMessage(String from, EmailAddress to, String subject, String text, String html) {

    @Override
    public String toString() {
        return "EmailMessage[to=" + to.masked() + "]";
    }
}
