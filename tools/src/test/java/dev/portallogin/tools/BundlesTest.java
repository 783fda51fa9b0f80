package dev.portallogin.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Language;
import dev.portallogin.core.json.Json;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every customer-facing text comes from a bundle in every language the service speaks ({@link Language#SUPPORTED}):
 * the Java message bundles (emails and SMS, API error messages, the magic-link page) and the pages' JSON bundles.
 * A key missing in one language, a placeholder one translation forgot, a pattern {@link MessageFormat} cannot read,
 * or a key a page asks for that no bundle has, fails here.
 */
class BundlesTest {

    private static final Path ROOT = Path.of("..");
    private static final Path PAGE_BUNDLES = ROOT.resolve("web/assets/i18n");
    private static final Pattern JAVA_ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Pattern PAGE_ARGUMENT = Pattern.compile("\\{(\\w+)}");

    /** Each Java bundle's base file ({@code LoginMessages.properties}), found by its French translation. */
    private static List<Path> javaBundles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT.resolve("functions"))) {
            return files.filter(file -> file.toString().contains("src/main/resources"))
                    .filter(file -> file.getFileName().toString().endsWith("_fr.properties"))
                    .map(file -> file.resolveSibling(file.getFileName().toString().replace("_fr.properties",
                            ".properties")))
                    .sorted().toList();
        }
    }

    private static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Path translation(Path base, String language) {
        String name = base.getFileName().toString();
        return language.equals(Language.ENGLISH) ? base
                : base.resolveSibling(name.replace(".properties", "_" + language + ".properties"));
    }

    private static Set<String> arguments(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    void everyJavaBundleHasEveryKeyInEveryLanguageWithTheSamePlaceholders() throws IOException {
        List<Path> bundles = javaBundles();
        assertThat(bundles).extracting(bundle -> bundle.getFileName().toString())
                .contains("LoginMessages.properties", "messages.properties", "MagicLinkPage.properties");
        List<String> problems = new ArrayList<>();
        for (Path base : bundles) {
            Properties english = read(base);
            for (String language : Language.SUPPORTED) {
                Path file = translation(base, language);
                if (!Files.exists(file)) {
                    problems.add(file + " is missing");
                    continue;
                }
                Properties translated = read(file);
                for (String key : english.stringPropertyNames()) {
                    String said = translated.getProperty(key);
                    if (said == null) {
                        problems.add(file.getFileName() + " lacks " + key);
                        continue;
                    }
                    if (!arguments(JAVA_ARGUMENT, said).equals(arguments(JAVA_ARGUMENT, english.getProperty(key)))) {
                        problems.add(file.getFileName() + " " + key + " fills other placeholders than English");
                    }
                    new MessageFormat(said);
                }
                new TreeSet<>(translated.stringPropertyNames()).stream()
                        .filter(key -> english.getProperty(key) == null)
                        .forEach(key -> problems.add(file.getFileName() + " has " + key + ", which English lacks"));
            }
        }
        assertThat(problems).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pageBundle(String language) throws IOException {
        return (Map<String, Object>) Json.parse(Files.readString(PAGE_BUNDLES.resolve(language + ".json")));
    }

    @Test
    void everyPageBundleHasEveryKeyAndEveryPluralItsFormsInEveryLanguage() throws IOException {
        Map<String, Object> english = pageBundle(Language.ENGLISH);
        List<String> problems = new ArrayList<>();
        for (String language : Language.SUPPORTED) {
            Map<String, Object> bundle = pageBundle(language);
            if (!bundle.keySet().equals(english.keySet())) {
                Set<String> missing = new TreeSet<>(english.keySet());
                missing.removeAll(bundle.keySet());
                Set<String> extra = new TreeSet<>(bundle.keySet());
                extra.removeAll(english.keySet());
                problems.add(language + ".json lacks " + missing + " and has " + extra + " beyond English");
            }
            english.forEach((key, words) -> {
                Object said = bundle.get(key);
                if (words instanceof Map<?, ?> plural) {
                    if (!(said instanceof Map<?, ?> forms) || !forms.keySet().containsAll(Set.of("one", "other"))) {
                        problems.add(language + ".json " + key + " is not a plural with 'one' and 'other'");
                    }
                } else if (said instanceof String text
                        && !arguments(PAGE_ARGUMENT, text).equals(arguments(PAGE_ARGUMENT, (String) words))) {
                    problems.add(language + ".json " + key + " fills other placeholders than English");
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyAPageAsksForIsInTheBundles() throws IOException {
        Set<String> known = pageBundle(Language.ENGLISH).keySet();
        Pattern asked = Pattern.compile("data-i18n(?:-placeholder)?=\"([\\w.]+)\"|\\bt\\('([\\w.]+)'");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("web"))) {
            for (Path file : files.filter(file -> file.toString().endsWith(".html")
                    || file.toString().endsWith(".js")).toList()) {
                Matcher matcher = asked.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                }
            }
        }
        // A key built at run time ("error." + the API's code) is checked by its prefix only.
        used.removeIf(key -> key.endsWith("."));
        assertThat(used).as("keys the pages use").hasSizeGreaterThan(30);
        assertThat(known).containsAll(used);
    }
}
