package dev.portallogin.core.adapter.sqs;

import dev.portallogin.core.domain.CodeRequest;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.EmailMessage;
import dev.portallogin.core.domain.OutgoingMessage;
import dev.portallogin.core.domain.SmsMessage;
import dev.portallogin.core.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The body of a delivery queue message: {@code {"id","purpose","expiresAt","channel":"email"|"sms",...}} with the
 * email ({@code storeId, customerId, from, to, subject, text, html}) or the SMS ({@code storeId, customerId, to,
 * text}); or a customer's ask for a code ({@link CodeRequest}). The producers write it and {@code deliver-message}
 * reads it; nothing else ever sees it.
 */
public final class QueuedMessages {

    private static final String CODE_REQUEST = "code-request";

    private QueuedMessages() {
    }

    public static String toJson(OutgoingMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", message.id());
        body.put("purpose", message.purpose());
        body.put("expiresAt", message.expiresAt().toString());
        body.put("channel", message.channel());
        Map<String, Object> content = new LinkedHashMap<>();
        if (message.email() != null) {
            EmailMessage email = message.email();
            content.put("storeId", email.storeId());
            content.put("customerId", email.customerId());
            content.put("from", email.from());
            content.put("to", email.to().value());
            content.put("subject", email.subject());
            content.put("text", email.text());
            content.put("html", email.html());
        } else {
            SmsMessage sms = message.sms();
            content.put("storeId", sms.storeId());
            content.put("customerId", sms.customerId());
            content.put("to", sms.to());
            content.put("text", sms.text());
        }
        body.put(message.channel(), content);
        return Json.write(body);
    }

    /** A customer's ask for a code: {@code {"kind":"code-request","id",...}}. */
    public static String toJson(CodeRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", CODE_REQUEST);
        body.put("id", request.id());
        body.put("storeId", request.storeId());
        body.put("identifier", request.identifier());
        body.put("network", request.network());
        body.put("deviceHash", request.deviceHash());
        body.put("browserHash", request.browserHash());
        body.put("requestedAt", request.requestedAt().toString());
        body.put("expiresAt", request.expiresAt().toString());
        body.put("language", request.language());
        return Json.write(body);
    }

    /** The code request in a queue body; empty when the body is not one. */
    public static Optional<CodeRequest> requestFromJson(String json) {
        try {
            if (!(Json.parse(json) instanceof Map<?, ?> body) || !CODE_REQUEST.equals(body.get("kind"))) {
                return Optional.empty();
            }
            return Optional.of(new CodeRequest(string(body, "id"), string(body, "storeId"),
                    string(body, "identifier"), string(body, "network"), optional(body, "deviceHash"),
                    optional(body, "browserHash"), Instant.parse(string(body, "requestedAt")),
                    Instant.parse(string(body, "expiresAt")), optional(body, "language")));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The message in a queue body; empty for a body this service did not write (it is dropped, not retried). */
    public static Optional<OutgoingMessage> fromJson(String json) {
        try {
            if (!(Json.parse(json) instanceof Map<?, ?> body)) {
                return Optional.empty();
            }
            Instant expiresAt = Instant.parse(string(body, "expiresAt"));
            if (body.get("email") instanceof Map<?, ?> email) {
                EmailAddress to = EmailAddress.parse(string(email, "to")).orElseThrow(IllegalArgumentException::new);
                return Optional.of(new OutgoingMessage(string(body, "id"), string(body, "purpose"), expiresAt,
                        new EmailMessage(string(email, "storeId"), string(email, "customerId"), string(email, "from"),
                                to, string(email, "subject"), string(email, "text"), string(email, "html")), null));
            }
            if (body.get("sms") instanceof Map<?, ?> sms) {
                return Optional.of(new OutgoingMessage(string(body, "id"), string(body, "purpose"), expiresAt, null,
                        new SmsMessage(string(sms, "storeId"), string(sms, "customerId"), string(sms, "to"),
                                string(sms, "text"))));
            }
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static String optional(Map<?, ?> fields, String name) {
        return fields.get(name) instanceof String value ? value : null;
    }

    private static String string(Map<?, ?> fields, String name) {
        if (!(fields.get(name) instanceof String value)) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }
}
