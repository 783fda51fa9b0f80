package dev.portallogin.core.testing.gen;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** An input as a reader can paste it back: control and invisible characters escaped, long text shortened. */
final class Inputs {

    private static final int SHOWN = 400;

    private Inputs() {
    }

    static String describe(Object input) {
        if (input instanceof String text) {
            return quoted(text);
        }
        if (input instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(entry -> describe(entry.getKey()) + ": " + describe(entry.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (input instanceof Collection<?> values) {
            return values.stream().map(Inputs::describe).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(input);
    }

    private static String quoted(String text) {
        StringBuilder shown = new StringBuilder("\"");
        text.codePoints().limit(SHOWN).forEach(point -> {
            if (point == '"' || point == '\\') {
                shown.append('\\').appendCodePoint(point);
            } else if (point >= 0x20 && point < 0x7F) {
                shown.appendCodePoint(point);
            } else {
                shown.append(point <= 0xFFFF ? String.format("\\u%04X", point) : String.format("\\u{%X}", point));
            }
        });
        shown.append('"');
        if (text.length() > SHOWN) {
            shown.append(" … (").append(text.length()).append(" chars)");
        }
        return shown.toString();
    }
}
