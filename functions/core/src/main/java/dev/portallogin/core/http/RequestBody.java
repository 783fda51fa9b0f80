package dev.portallogin.core.http;

import dev.portallogin.core.domain.PortalFailure.InvalidRequest;
import dev.portallogin.core.domain.RecordId;
import dev.portallogin.core.json.Json;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** A JSON object request body with typed, validated field access; anything off is {@link InvalidRequest}. */
public final class RequestBody {

    /** Far above any legitimate body; larger input is refused before parsing. */
    public static final int MAX_LENGTH = 16 * 1024;

    private final Map<String, Object> fields;

    private RequestBody(Map<String, Object> fields) {
        this.fields = fields;
    }

    @SuppressWarnings("unchecked")
    public static RequestBody parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidRequest("The request body must be a JSON object.");
        }
        if (json.length() > MAX_LENGTH) {
            throw new InvalidRequest("The request body is too large.");
        }
        Object parsed;
        try {
            parsed = Json.parse(json);
        } catch (IOException | RuntimeException malformed) {
            throw new InvalidRequest("The request body is not valid JSON.");
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new InvalidRequest("The request body must be a JSON object.");
        }
        return new RequestBody((Map<String, Object>) map);
    }

    /** A direct-invocation payload, already parsed. */
    public static RequestBody of(Map<String, Object> payload) {
        return new RequestBody(payload);
    }

    public String requiredString(String name) {
        return optionalString(name).orElseThrow(() -> new InvalidRequest("Field '" + name + "' is required."));
    }

    public Optional<String> optionalString(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new InvalidRequest("Field '" + name + "' must be a string.");
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /** A store, customer, subscription or agent id: required and of the {@link RecordId} shape. */
    public String requiredId(String name) {
        String id = requiredString(name);
        if (!RecordId.isWellFormed(id)) {
            throw new InvalidRequest("Field '" + name + "' is not a valid id.");
        }
        return id;
    }

    public Optional<String> optionalId(String name) {
        Optional<String> id = optionalString(name);
        if (id.isPresent() && !RecordId.isWellFormed(id.get())) {
            throw new InvalidRequest("Field '" + name + "' is not a valid id.");
        }
        return id;
    }

    public boolean optionalBoolean(String name, boolean fallback) {
        Object value = fields.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean flag)) {
            throw new InvalidRequest("Field '" + name + "' must be true or false.");
        }
        return flag;
    }

    @Override
    public String toString() {
        return "RequestBody[" + fields.keySet() + "]";
    }
}
