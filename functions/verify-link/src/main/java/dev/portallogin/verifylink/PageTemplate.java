package dev.portallogin.verifylink;

import dev.portallogin.core.domain.LoginMessages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML resource beside this class with {@code {{name}}} placeholders, filled with HTML-escaped values, and
 * {@code {{{name}}}} ones for markup another template made. A placeholder without a value is a bug, not a blank.
 */
final class PageTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\{([a-z]+)}}}|\\{\\{([a-z]+)}}");

    private final String name;
    private final String text;

    private PageTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static PageTemplate load(String resource) {
        try (InputStream in = PageTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no page template " + resource);
            }
            return new PageTemplate(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    String fill(Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder page = new StringBuilder();
        while (placeholder.find()) {
            boolean markup = placeholder.group(1) != null;
            String key = markup ? placeholder.group(1) : placeholder.group(2);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException(name + " needs a value for " + key);
            }
            placeholder.appendReplacement(page, Matcher.quoteReplacement(markup ? value
                    : LoginMessages.escape(value)));
        }
        placeholder.appendTail(page);
        return page.toString();
    }
}
