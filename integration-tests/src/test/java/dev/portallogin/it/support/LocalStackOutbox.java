package dev.portallogin.it.support;

import dev.portallogin.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads LocalStack's record of sent mail ({@code /_aws/ses}) and SMS ({@code /_aws/sns/sms-messages}). */
final class LocalStackOutbox implements Outbox {

    private final URI endpoint;

    LocalStackOutbox(URI endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Email> emails() {
        List<Map<String, Object>> messages = (List<Map<String, Object>>) read("/_aws/ses").getOrDefault("messages",
                List.of());
        List<Email> emails = messages.stream().map(message -> {
            Map<String, Object> body = (Map<String, Object>) message.getOrDefault("Body", Map.of());
            Object html = body.get("html_part");
            return new Email((String) message.get("Source"),
                    (List<String>) ((Map<String, Object>) message.get("Destination")).get("ToAddresses"),
                    (String) message.get("Subject"),
                    (String) (html != null ? html : body.get("text_part")));
        }).toList();
        SeenSecrets.noteMessages(emails, List.of());
        return emails;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Sms> sms() {
        List<Sms> sms = new ArrayList<>();
        Map<String, Object> byRegion = (Map<String, Object>) read("/_aws/sns/sms-messages")
                .getOrDefault("sms_messages", Map.of());
        for (Object region : byRegion.values()) {
            ((Map<String, Object>) region).forEach((phone, messages) ->
                    ((List<Map<String, Object>>) messages).forEach(message ->
                            sms.add(new Sms(phone, (String) message.get("Message")))));
        }
        SeenSecrets.noteMessages(List.of(), sms);
        return sms;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String path) {
        try {
            return (Map<String, Object>) Json.parse(Outbox.get(endpoint.resolve(path)));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
