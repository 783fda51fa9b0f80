package dev.portallogin.core.json;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The one JSON reader and writer: jackson-jr, light enough not to cost start-up time. */
public final class Json {

    /** Nulls are written: the contracts use them (a portal link's {@code "expiresAt": null}). */
    private static final JSON JSON_CODEC = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    private Json() {
    }

    /** Any JSON value as plain Java: maps, lists, strings, numbers, booleans, null. */
    public static Object parse(String text) throws IOException {
        return JSON_CODEC.anyFrom(text);
    }

    public static Object parse(InputStream input) throws IOException {
        return JSON_CODEC.anyFrom(input);
    }

    public static String write(Object value) {
        try {
            return JSON_CODEC.asString(value);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }
}
