package dev.portallogin.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words customers read: the login email and SMS, the notices, each built from the same few parts. */
public final class LoginMessages {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private LoginMessages() {
    }

    /** The email a customer asked for: the code prominently, the magic link as a button and as plain text. */
    public static EmailMessage codeAndLink(Store store, Customer customer, EmailAddress to, LoginCode code,
                                           String linkUrl, Duration codeLifetime, Duration linkLifetime) {
        String lifetimes = codeLifetime.equals(linkLifetime)
                ? "The code and the link work once and expire in " + HumanDuration.of(codeLifetime) + "."
                : "The code and the link work once. The code expires in " + HumanDuration.of(codeLifetime)
                        + ", the link in " + HumanDuration.of(linkLifetime) + ".";
        return new Body(store, customer)
                .paragraph("Your login code for " + store.name() + " is:")
                .code(code.digits())
                .link(linkUrl, "Or sign in with this link:")
                .paragraph(lifetimes)
                .quiet("If you did not ask to sign in, you can ignore this email.")
                .email(to, code.digits() + " is your " + store.name() + " login code");
    }

    /**
     * Sent instead of a code while code sign-in is paused after too many wrong codes: why, until when, and the magic
     * link, which signs in (and lifts the pause) all the same.
     */
    public static EmailMessage codeLoginPaused(Store store, Customer customer, EmailAddress to, String linkUrl,
                                               Duration lifetime, Instant pausedUntil) {
        return new Body(store, customer)
                .paragraph("Too many wrong codes were typed for your account, so signing in with a code is paused "
                        + "until " + UNTIL.format(pausedUntil) + ". This link signs you in now, and codes work "
                        + "again afterwards:")
                .link(linkUrl, null)
                .paragraph("It works once and expires in " + HumanDuration.of(lifetime) + ".")
                .quiet("If you did not try to sign in, someone may be guessing codes: your account is safe and you "
                        + "do not need to do anything.")
                .email(to, "Your sign-in link for " + store.name());
    }

    /** A magic link a support agent generated and chose to email to the address on file. */
    public static EmailMessage agentLink(Store store, Customer customer, EmailAddress to, String linkUrl,
                                         Duration lifetime) {
        return new Body(store, customer)
                .paragraph("Our support team sent you a link to sign in to " + store.name() + ":")
                .link(linkUrl, null)
                .paragraph("It works once and expires in " + HumanDuration.of(lifetime) + ".")
                .email(to, "Your sign-in link for " + store.name());
    }

    /** Sent to the previous address after an agent changed it, so a hijacked account does not go unnoticed. */
    public static EmailMessage emailChanged(Store store, Customer customer, EmailAddress oldAddress,
                                            EmailAddress newAddress) {
        return new Body(store, customer)
                .paragraph("The email address you use to sign in to " + store.name() + " was changed to "
                        + newAddress.masked() + ".")
                .paragraph("If you did not ask for this, please contact " + store.name() + " support.")
                .email(oldAddress, "Your " + store.name() + " login email was changed");
    }

    public static SmsMessage codeSms(Store store, Customer customer, PhoneNumber to, LoginCode code,
                                     Duration lifetime) {
        return new SmsMessage(store.storeId(), customer.customerId(), to.e164(),
                code.digits() + " is your " + store.name() + " login code. It expires in "
                        + HumanDuration.of(lifetime) + ".");
    }

    /** For a customer with no email to send a link to: code sign-in is paused, why, and how to get in. */
    public static SmsMessage codeLoginPausedSms(Store store, Customer customer, PhoneNumber to, Instant pausedUntil) {
        return new SmsMessage(store.storeId(), customer.customerId(), to.e164(), store.name() + ": too many wrong "
                + "codes were typed for your account, so code sign-in is paused until " + UNTIL.format(pausedUntil)
                + ". Try again then, or ask " + store.name() + " support to lift the pause.");
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

    /** One email's content, kept as text and HTML together so the two parts always say the same. */
    private static final class Body {
        private final Store store;
        private final Customer customer;
        private final List<String> text = new ArrayList<>();
        private final List<String> html = new ArrayList<>();

        Body(Store store, Customer customer) {
            this.store = store;
            this.customer = customer;
            text.add("Hi " + customer.displayName() + ",");
            html.add("<p>Hi " + escape(customer.displayName()) + ",</p>");
        }

        Body paragraph(String sentence) {
            text.add(sentence);
            html.add("<p>" + escape(sentence) + "</p>");
            return this;
        }

        Body quiet(String sentence) {
            text.add(sentence);
            html.add("<p style=\"color:#666\">" + escape(sentence) + "</p>");
            return this;
        }

        Body code(String digits) {
            text.add("    " + digits);
            html.add("<p style=\"font-size:32px;font-weight:bold;letter-spacing:8px;margin:16px 0\">" + digits
                    + "</p>");
            return this;
        }

        /** The link as a button and as text to paste, with an optional sentence before it. */
        Body link(String url, String introduction) {
            text.add((introduction == null ? "" : introduction + "\n") + url);
            if (introduction != null) {
                html.add("<p>" + escape(introduction) + "</p>");
            }
            html.add("<p><a href=\"" + escape(url) + "\" style=\"display:inline-block;background:#1a56db;color:#fff;"
                    + "padding:12px 24px;border-radius:6px;text-decoration:none\">"
                    + escape("Sign in to " + store.name()) + "</a></p>");
            html.add("<p>Or paste this link into your browser:<br><a href=\"" + escape(url) + "\">" + escape(url)
                    + "</a></p>");
            return this;
        }

        EmailMessage email(EmailAddress to, String subject) {
            String page = "<!DOCTYPE html><html><body style=\"font-family:sans-serif;max-width:480px;margin:auto\">"
                    + "<h2>" + escape(store.name()) + "</h2>" + String.join("", html) + "</body></html>";
            return new EmailMessage(store.storeId(), customer.customerId(), store.emailFrom(), to, subject,
                    String.join("\n\n", text) + "\n", page);
        }
    }
}
