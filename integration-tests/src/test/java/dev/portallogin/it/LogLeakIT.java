package dev.portallogin.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.json.Json;
import dev.portallogin.it.support.Figures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after the whole integration suite (its own failsafe execution, see the pom) over everything the functions
 * logged during it, captured per test class in {@code target/failsafe-reports/*-output.txt}: every line is one
 * structured JSON object with an event name and the request id, and none holds a code, magic-link token, session
 * value, full email address or full phone number the tests saw.
 *
 * <p>A code is four digits, so it is looked for as a whole text value: as a substring it would match the last four
 * digits of every masked phone number, and as a number it would match counters such as {@code retryAfterSeconds}
 * (a retry-after of 3295 seconds once failed CI when a code that run happened to be "3295"). Codes are text
 * everywhere in the functions, so a leaked one is a text value.
 */
class LogLeakIT {

    private static final Path REPORTS = Path.of("target", "failsafe-reports");
    private static final Path SECRETS = Path.of("target", "seen-secrets.txt");

    private record Secret(String kind, String value) {
    }

    @Test
    @SuppressWarnings("unchecked")
    void noSecretOrFullAddressReachesAnyLogLine() throws IOException {
        List<String> logLines = new ArrayList<>();
        try (Stream<Path> files = Files.list(REPORTS)) {
            for (Path file : files.filter(path -> path.toString().endsWith("-output.txt")).toList()) {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .filter(line -> line.startsWith("{\"timestamp\"") || line.startsWith("{\"_aws\""))
                        .forEach(logLines::add);
            }
        }
        List<Secret> secrets = Files.readAllLines(SECRETS, StandardCharsets.UTF_8).stream()
                .map(line -> line.split("\t", 2)).map(parts -> new Secret(parts[0], parts[1])).toList();
        assertThat(logLines).as("the suite's captured function logs").hasSizeGreaterThan(1000);
        assertThat(secrets.stream().map(Secret::kind).distinct())
                .containsExactlyInAnyOrder("code", "token", "session", "login", "form", "device", "email", "phone");

        List<String> leaks = new ArrayList<>();
        int structured = 0;
        for (String line : logLines) {
            Map<String, Object> fields = (Map<String, Object>) Json.parse(line);
            if (!fields.containsKey("_aws")) {
                structured++;
                assertThat(fields).as(line).containsKeys("event", "requestId", "level");
                assertThat(fields.get("requestId")).as(line).isNotNull();
            }
            for (Secret secret : secrets) {
                boolean leaked = secret.kind().equals("code")
                        ? fields.values().stream().anyMatch(secret.value()::equals)
                        : line.contains(secret.value());
                if (leaked) {
                    leaks.add(secret.kind() + " in " + line);
                }
            }
        }

        assertThat(leaks).isEmpty();
        Figures.record("Nothing secret in logs", "LogLeakIT.noSecretOrFullAddressReachesAnyLogLine",
                String.format("%,d log lines (%,d events, the rest metrics) checked against %,d codes, tokens, "
                                + "sessions, sign-in, form and device cookies, emails and phones the suite saw: 0 leaks", logLines.size(), structured,
                        secrets.size()));
    }
}
