package dev.portallogin.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.http.Json;
import dev.portallogin.it.support.AwsBackend;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator;
import dev.portallogin.tools.Seed;
import dev.portallogin.tools.TemplateModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file in {@code events/} goes through the handler {@code template.yaml} names for its route, constructed
 * with the template's environment, exactly as {@code sam local invoke <Function> -e events/<file>} would run it,
 * against the demo data of {@code events/seed.json}.
 */
class SampleEventsIT {

    /** What each sample answers on freshly seeded data; a new sample needs its line here. */
    private static final Map<String, Integer> EXPECTED_STATUS = Map.of(
            "request-code-email.json", 202,
            "request-code-phone.json", 202,
            "verify-code.json", 401,
            "consume-magic-link.json", 401,
            "magic-link-page.json", 200);

    private static final AwsBackend BACKEND = AwsBackend.shared();
    private static Portal portal;

    @BeforeAll
    static void seedDemoData() throws IOException {
        portal = new Portal();
        Seed seed = Seed.read(BACKEND.projectRoot().resolve("events/seed.json"));
        new dev.portallogin.tools.LocalAws(BACKEND.aws(), "").verifySenderDomains(seed.senderDomains());
        seed.load(BACKEND.dynamoDb(), BACKEND.table("DirectoryTable"));
    }

    @TestFactory
    Stream<DynamicTest> everySampleEventRunsThroughItsTemplateHandler() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.list(BACKEND.projectRoot().resolve("events"))) {
            samples = files.filter(file -> file.toString().endsWith(".json"))
                    .filter(file -> !file.getFileName().toString().equals("seed.json"))
                    .sorted().toList();
        }
        assertThat(samples).extracting(file -> file.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(EXPECTED_STATUS.keySet());
        return samples.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> run(file)));
    }

    @SuppressWarnings("unchecked")
    private void run(Path file) throws IOException {
        Map<String, Object> event = (Map<String, Object>) Json.parse(Files.readString(file));
        String routeKey = (String) event.get("routeKey");
        TemplateModel.Route route = BACKEND.template().routes().stream()
                .filter(candidate -> candidate.routeKey().equals(routeKey)).findFirst()
                .orElseThrow(() -> new AssertionError(file + ": no route " + routeKey + " in template.yaml"));

        Map<String, Object> answer = (Map<String, Object>) ApiGatewayEmulator.invoke(
                portal.api.handler(route.functionLogicalId()), event);

        assertThat(answer.get("statusCode")).as(file.getFileName().toString())
                .isEqualTo(EXPECTED_STATUS.get(file.getFileName().toString()));
        Map<String, Object> headers = (Map<String, Object>) answer.get("headers");
        assertThat(headers).containsEntry("Cache-Control", "no-store").containsEntry("Referrer-Policy", "no-referrer");
        if (String.valueOf(headers.get("Content-Type")).startsWith("application/json")
                && ((Number) answer.get("statusCode")).intValue() >= 400) {
            assertThat((Map<String, Object>) Json.parse((String) answer.get("body"))).containsKeys("error", "message");
        }
    }
}
