package dev.portallogin.it.support;

import dev.portallogin.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Reads moto's record of sent mail ({@code ses.Message}) and SMS ({@code sns.SMS}): from {@code /_outbox.json} when
 * moto runs under {@code MotoServer} (only those two lists), else from {@code /moto-api/data.json}, which
 * serialises every stored item and grows slow as the suite writes.
 */
final class MotoOutbox implements Outbox {

    private final URI dataJson;

    MotoOutbox(URI endpoint, boolean startedHere) {
        this.dataJson = endpoint.resolve(startedHere ? "/_outbox.json" : "/moto-api/data.json");
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Email> emails() {
        List<Map<String, Object>> messages = (List<Map<String, Object>>) service("ses").getOrDefault("Message",
                List.of());
        List<Email> emails = messages.stream().map(message -> new Email(
                (String) message.get("source"),
                (List<String>) ((Map<String, Object>) message.get("destinations")).get("ToAddresses"),
                (String) message.get("subject"),
                (String) message.get("body"))).toList();
        SeenSecrets.noteMessages(emails, List.of());
        return emails;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Sms> sms() {
        List<Map<String, Object>> messages = (List<Map<String, Object>>) service("sns").getOrDefault("SMS", List.of());
        List<Sms> sms = messages.stream().map(message -> new Sms((String) message.get("phone_number"),
                (String) message.get("message"))).toList();
        SeenSecrets.noteMessages(List.of(), sms);
        return sms;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> service(String name) {
        try {
            Map<String, Object> data = (Map<String, Object>) Json.parse(Outbox.get(dataJson));
            return (Map<String, Object>) data.getOrDefault(name, Map.of());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
