package dev.portallogin.core.domain;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words customers read: the login email and SMS, the notices, each built from the same few parts, in the
 * customer's language ({@link Language}) and the store's brand ({@link Brand}) and time zone. The sentences are in
 * {@code LoginMessages*.properties}, one file per language.
 */
public final class LoginMessages {

    private static final String BUNDLE = "dev.portallogin.core.domain.LoginMessages";

    private LoginMessages() {
    }

    /**
     * The email a customer asked for: the code first in the subject and prominently in the body, the magic link as a
     * button and as plain text, and until when both work in the store's time.
     */
    public static EmailMessage codeAndLink(Store store, Customer customer, String language, EmailAddress to,
                                           LoginCode code, String linkUrl, Duration codeLifetime,
                                           Duration linkLifetime, Instant now) {
        Words words = new Words(store, language);
        String lifetimes = codeLifetime.equals(linkLifetime)
                ? words.say("code.lifetimes.same", words.duration(codeLifetime), words.time(now.plus(codeLifetime)))
                : words.say("code.lifetimes.different", words.duration(codeLifetime),
                        words.time(now.plus(codeLifetime)), words.duration(linkLifetime));
        return new Body(store, customer, words)
                .paragraph(words.say("code.intro", store.displayName()))
                .code(code.digits())
                .link(linkUrl, words.say("code.link"))
                .paragraph(lifetimes)
                .quiet(words.say("code.ignore"))
                .email(to, words.say("code.subject", code.digits(), store.displayName()));
    }

    /**
     * Sent instead of a code while code sign-in is paused after too many wrong codes: why, until when, and the magic
     * link, which signs in (and lifts the pause) all the same.
     */
    public static EmailMessage codeLoginPaused(Store store, Customer customer, String language, EmailAddress to,
                                               String linkUrl, Duration lifetime, Instant pausedUntil) {
        Words words = new Words(store, language);
        return new Body(store, customer, words)
                .paragraph(words.say("paused.body", words.dateTime(pausedUntil)))
                .link(linkUrl, null)
                .paragraph(words.say("link.lifetime", words.duration(lifetime)))
                .quiet(words.say("paused.quiet"))
                .email(to, words.say("link.subject", store.displayName()));
    }

    /** A magic link a support agent generated and chose to email to the address on file, in her language. */
    public static EmailMessage agentLink(Store store, Customer customer, EmailAddress to, String linkUrl,
                                         Duration lifetime) {
        Words words = new Words(store, Language.choose(customer.language(), null, store.brand()));
        return new Body(store, customer, words)
                .paragraph(words.say("agent.intro", store.displayName()))
                .link(linkUrl, null)
                .paragraph(words.say("link.lifetime", words.duration(lifetime)))
                .email(to, words.say("link.subject", store.displayName()));
    }

    /** Sent to the previous address after an agent changed it, so a hijacked account does not go unnoticed. */
    public static EmailMessage emailChanged(Store store, Customer customer, EmailAddress oldAddress,
                                            EmailAddress newAddress) {
        Words words = new Words(store, Language.choose(customer.language(), null, store.brand()));
        return new Body(store, customer, words)
                .paragraph(words.say("changed.body", store.displayName(), newAddress.masked()))
                .paragraph(words.say("changed.contact", store.displayName()))
                .email(oldAddress, words.say("changed.subject", store.displayName()));
    }

    /**
     * The code by SMS, ending with the origin-bound line ({@code @portal.example.com #1234}) that lets the phone's
     * keyboard offer the code on the store's portal only, and the WebOTP API fill it in.
     */
    public static SmsMessage codeSms(Store store, Customer customer, String language, PhoneNumber to, LoginCode code,
                                     Duration lifetime) {
        Words words = new Words(store, language);
        return new SmsMessage(store.storeId(), customer.customerId(), to.e164(),
                words.say("sms.code", code.digits(), store.displayName(), words.duration(lifetime))
                        + "\n\n@" + store.portalHost() + " #" + code.digits());
    }

    /** For a customer with no email to send a link to: code sign-in is paused, why, and how to get in. */
    public static SmsMessage codeLoginPausedSms(Store store, Customer customer, String language, PhoneNumber to,
                                                Instant pausedUntil) {
        Words words = new Words(store, language);
        return new SmsMessage(store.storeId(), customer.customerId(), to.e164(),
                words.say("sms.paused", store.displayName(), words.dateTime(pausedUntil)));
    }

    /** A duration as a person reads it in {@code language}: "45 seconds", "10 minutes", "24 heures". */
    public static String duration(Duration duration, String language) {
        return new Words(null, language).duration(duration);
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

    /** The sentences, durations and times of one language, with times in the store's zone. */
    private static final class Words {
        private final Locale locale;
        private final ResourceBundle bundle;
        private final Brand brand;

        Words(Store store, String language) {
            this.locale = Language.locale(language);
            this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            this.brand = store == null ? Brand.NONE : store.brand();
        }

        String language() {
            return locale.getLanguage();
        }

        String say(String key, Object... arguments) {
            return new MessageFormat(bundle.getString(key), locale).format(arguments);
        }

        /** Rounded up, so a wait is never said to be shorter than it is. */
        String duration(Duration duration) {
            long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
            if (seconds < 90) {
                return say("duration.seconds", seconds);
            }
            long minutes = (seconds + 59) / 60;
            if (minutes < 90) {
                return say("duration.minutes", minutes);
            }
            return say("duration.hours", (minutes + 59) / 60);
        }

        /** A time of day in the store's zone, as the language writes it, with the zone: "19:55 CET". */
        String time(Instant at) {
            return format(at, new DateTimeFormatterBuilder().appendLocalized(null, FormatStyle.SHORT));
        }

        /** A date and time in the store's zone: "30 nov. 2026, 19:55 CET". */
        String dateTime(Instant at) {
            return format(at, new DateTimeFormatterBuilder().appendLocalized(FormatStyle.MEDIUM, FormatStyle.SHORT));
        }

        private String format(Instant at, DateTimeFormatterBuilder pattern) {
            DateTimeFormatter formatter = pattern.appendLiteral(' ').appendZoneText(TextStyle.SHORT)
                    .toFormatter(locale).withZone(brand.timeZone());
            return formatter.format(at);
        }
    }

    /** One email's content, kept as text and HTML together so the two parts always say the same. */
    private static final class Body {
        private final Store store;
        private final Customer customer;
        private final Words words;
        private final List<String> text = new ArrayList<>();
        private final List<String> html = new ArrayList<>();

        Body(Store store, Customer customer, Words words) {
            this.store = store;
            this.customer = customer;
            this.words = words;
            String greeting = customer.displayName() == null ? words.say("greeting.nameless")
                    : words.say("greeting", customer.displayName());
            text.add(greeting);
            html.add("<p>" + escape(greeting) + "</p>");
        }

        Body paragraph(String sentence) {
            text.add(sentence);
            html.add("<p>" + escape(sentence) + "</p>");
            return this;
        }

        Body quiet(String sentence) {
            text.add(sentence);
            html.add("<p style=\"color:#6b7280\">" + escape(sentence) + "</p>");
            return this;
        }

        Body code(String digits) {
            text.add("    " + digits);
            html.add("<p style=\"font-size:32px;font-weight:bold;letter-spacing:8px;margin:16px 0\">" + digits
                    + "</p>");
            return this;
        }

        /** The link as a button in the store's colour and as text to paste, with an optional sentence before it. */
        Body link(String url, String introduction) {
            text.add((introduction == null ? "" : introduction + "\n") + url);
            if (introduction != null) {
                html.add("<p>" + escape(introduction) + "</p>");
            }
            html.add("<p><a href=\"" + escape(url) + "\" style=\"display:inline-block;background:"
                    + store.brand().accent() + ";color:#ffffff;padding:12px 24px;border-radius:6px;"
                    + "text-decoration:none;font-weight:bold\">" + escape(words.say("link.button", store.displayName()))
                    + "</a></p>");
            html.add("<p>" + escape(words.say("link.paste")) + "<br><a href=\"" + escape(url)
                    + "\" style=\"word-break:break-all\">" + escape(url) + "</a></p>");
            return this;
        }

        /**
         * The whole email. Readable with images off (the logo's text alternative is the store's name) and in dark
         * mode (no background is forced, the button carries its own colours).
         */
        EmailMessage email(EmailAddress to, String subject) {
            Brand brand = store.brand();
            if (brand.supportContact() != null) {
                quiet(words.say("support.contact", brand.supportContact()));
            }
            String header = brand.logoUrl() == null
                    ? "<h2 style=\"border-bottom:3px solid " + brand.accent() + ";padding-bottom:8px\">"
                            + escape(store.displayName()) + "</h2>"
                    : "<p style=\"border-bottom:3px solid " + brand.accent() + ";padding-bottom:8px\"><img src=\""
                            + escape(brand.logoUrl()) + "\" alt=\"" + escape(store.displayName())
                            + "\" height=\"40\" style=\"height:40px;font-size:20px;font-weight:bold\"></p>";
            String page = "<!DOCTYPE html><html lang=\"" + words.language() + "\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"color-scheme\" content=\"light dark\">"
                    + "<meta name=\"supported-color-schemes\" content=\"light dark\"></head>"
                    + "<body style=\"font-family:sans-serif;max-width:480px;margin:auto\">" + header
                    + String.join("", html) + "</body></html>";
            return new EmailMessage(store.storeId(), customer.customerId(), store.emailFrom(), to, subject,
                    String.join("\n\n", text) + "\n", page);
        }
    }
}
