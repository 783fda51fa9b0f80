package dev.portallogin.it.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The mail and SMS the emulator accepted, read back as a customer would read them. */
public interface Outbox {

    /** One email as the emulator recorded it; {@code body} is the HTML part when there is one. */
    record Email(String from, List<String> to, String subject, String body) {

        /** Every language puts the code first in the subject, where the inbox list shows it. */
        private static final Pattern CODE = Pattern.compile("^(\\d{4,8}) ");
        private static final Pattern MAGIC_LINK =
                Pattern.compile("https?://[^\"<>\\s]+/login/magic\\?token=([A-Za-z0-9_-]{43})");

        /** The login code, read from the subject as the customer sees it in their inbox. */
        public Optional<String> code() {
            Matcher matcher = CODE.matcher(subject);
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        }

        public Optional<String> magicLink() {
            Matcher matcher = MAGIC_LINK.matcher(body);
            return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
        }

        public Optional<String> magicLinkToken() {
            Matcher matcher = MAGIC_LINK.matcher(body);
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        }
    }

    record Sms(String phoneNumber, String message) {
        private static final Pattern CODE = Pattern.compile("^(\\d{4,8}) is your");

        public Optional<String> code() {
            Matcher matcher = CODE.matcher(message);
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        }
    }

    List<Email> emails();

    List<Sms> sms();

    default List<Email> emailsTo(String address) {
        return emails().stream().filter(email -> email.to().stream().anyMatch(address::equalsIgnoreCase)).toList();
    }

    default List<Sms> smsTo(String phoneE164) {
        return sms().stream().filter(sms -> sms.phoneNumber().equals(phoneE164)).toList();
    }

    default Email lastEmailTo(String address) {
        List<Email> emails = emailsTo(address);
        if (emails.isEmpty()) {
            throw new AssertionError("no email was sent to " + address);
        }
        return emails.get(emails.size() - 1);
    }

    static String get(URI uri) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
            }
            return response.body();
        } catch (java.io.IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
