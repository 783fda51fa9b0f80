package dev.portallogin.core.domain;

import java.time.Duration;

/** The words customers read: the login email and the login SMS. */
public final class LoginMessages {

    private LoginMessages() {
    }

    /** The email a customer asked for: the code prominently, the magic link as a button and as plain text. */
    public static EmailMessage codeAndLink(Store store, Customer customer, EmailAddress to, LoginCode code,
                                           String linkUrl, Duration lifetime) {
        String minutes = minutes(lifetime);
        String subject = code.digits() + " is your " + store.name() + " login code";
        String text = "Hi " + customer.displayName() + ",\n\n"
                + "Your login code for " + store.name() + " is:\n\n    " + code.digits() + "\n\n"
                + "Or sign in with this link:\n" + linkUrl + "\n\n"
                + "The code and the link work once and expire in " + minutes + ".\n"
                + "If you did not ask to sign in, you can ignore this email.\n";
        String html = page(store, "<p>Hi " + escape(customer.displayName()) + ",</p>"
                + "<p>Your login code for " + escape(store.name()) + " is:</p>"
                + "<p style=\"font-size:32px;font-weight:bold;letter-spacing:8px;margin:16px 0\">"
                + code.digits() + "</p>"
                + button(linkUrl, "Sign in to " + store.name())
                + "<p>Or paste this link into your browser:<br><a href=\"" + escape(linkUrl) + "\">"
                + escape(linkUrl) + "</a></p>"
                + "<p>The code and the link work once and expire in " + minutes + ".</p>"
                + "<p style=\"color:#666\">If you did not ask to sign in, you can ignore this email.</p>");
        return new EmailMessage(store.emailFrom(), to, subject, text, html);
    }

    /**
     * The email sent instead of a code while code sign-in is locked after too many wrong codes: the magic link only,
     * and why. Signing in with it unlocks codes again.
     */
    public static EmailMessage linkOnly(Store store, Customer customer, EmailAddress to, String linkUrl,
                                        Duration lifetime) {
        String minutes = minutes(lifetime);
        String subject = "Your sign-in link for " + store.name();
        String text = "Hi " + customer.displayName() + ",\n\n"
                + "Too many wrong codes were typed for your account, so sign-in with a code is paused. Use this link "
                + "to sign in to " + store.name() + "; codes will work again afterwards:\n" + linkUrl + "\n\n"
                + "It works once and expires in " + minutes + ". If you did not try to sign in, someone may be "
                + "guessing codes: you do not need to do anything.\n";
        String html = page(store, "<p>Hi " + escape(customer.displayName()) + ",</p>"
                + "<p>Too many wrong codes were typed for your account, so sign-in with a code is paused. Use this "
                + "link to sign in; codes will work again afterwards.</p>"
                + button(linkUrl, "Sign in to " + store.name())
                + "<p>Or paste this link into your browser:<br><a href=\"" + escape(linkUrl) + "\">"
                + escape(linkUrl) + "</a></p>"
                + "<p>It works once and expires in " + minutes + ".</p>");
        return new EmailMessage(store.emailFrom(), to, subject, text, html);
    }

    /** A magic link a support agent generated and chose to email to the address on file. */
    public static EmailMessage agentLink(Store store, Customer customer, EmailAddress to, String linkUrl,
                                         Duration lifetime) {
        String minutes = minutes(lifetime);
        String subject = "Your sign-in link for " + store.name();
        String text = "Hi " + customer.displayName() + ",\n\n"
                + "Our support team sent you a link to sign in to " + store.name() + ":\n" + linkUrl + "\n\n"
                + "It works once and expires in " + minutes + ".\n";
        String html = page(store, "<p>Hi " + escape(customer.displayName()) + ",</p>"
                + "<p>Our support team sent you a link to sign in to " + escape(store.name()) + ".</p>"
                + button(linkUrl, "Sign in to " + store.name())
                + "<p>Or paste this link into your browser:<br><a href=\"" + escape(linkUrl) + "\">"
                + escape(linkUrl) + "</a></p>"
                + "<p>It works once and expires in " + minutes + ".</p>");
        return new EmailMessage(store.emailFrom(), to, subject, text, html);
    }

    /** Sent to the previous address after an agent changed it, so a hijacked account does not go unnoticed. */
    public static EmailMessage emailChanged(Store store, Customer customer, EmailAddress oldAddress,
                                            EmailAddress newAddress) {
        String subject = "Your " + store.name() + " login email was changed";
        String text = "Hi " + customer.displayName() + ",\n\n"
                + "The email address you use to sign in to " + store.name() + " was changed to "
                + newAddress.masked() + ".\n"
                + "If you did not ask for this, please contact " + store.name() + " support.\n";
        String html = page(store, "<p>Hi " + escape(customer.displayName()) + ",</p>"
                + "<p>The email address you use to sign in to " + escape(store.name()) + " was changed to "
                + escape(newAddress.masked()) + ".</p>"
                + "<p>If you did not ask for this, please contact " + escape(store.name()) + " support.</p>");
        return new EmailMessage(store.emailFrom(), oldAddress, subject, text, html);
    }

    public static String codeSms(Store store, LoginCode code, Duration lifetime) {
        return code.digits() + " is your " + store.name() + " login code. It expires in " + minutes(lifetime) + ".";
    }

    private static String page(Store store, String content) {
        return "<!DOCTYPE html><html><body style=\"font-family:sans-serif;max-width:480px;margin:auto\">"
                + "<h2>" + escape(store.name()) + "</h2>" + content + "</body></html>";
    }

    private static String button(String url, String label) {
        return "<p><a href=\"" + escape(url) + "\" style=\"display:inline-block;background:#1a56db;color:#fff;"
                + "padding:12px 24px;border-radius:6px;text-decoration:none\">" + escape(label) + "</a></p>";
    }

    private static String minutes(Duration lifetime) {
        long minutes = Math.max(1, lifetime.toMinutes());
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
