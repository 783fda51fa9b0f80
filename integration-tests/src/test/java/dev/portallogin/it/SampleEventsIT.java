package dev.portallogin.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.json.Json;
import dev.portallogin.it.support.AwsBackend;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator;
import dev.portallogin.tools.LocalAws;
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
 * Every file in {@code events/} goes through the handler {@code template.yaml} names for it, constructed with the
 * template's environment, exactly as {@code sam local invoke <Function> -e <file>} would run it, against the demo
 * data of {@code events/seed.json}. API Gateway events find their function by route key; direct payloads live in
 * {@code events/direct/<function module>/} and find theirs by the module in the function's {@code CodeUri}.
 */
class SampleEventsIT {

    /**
     * What each sample answers on freshly seeded data, whatever order they run in: an HTTP status for API Gateway
     * events; {@code ok} or the error code for direct payloads. A new sample needs its line here.
     */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("request-code-email.json", "202"),
            Map.entry("request-code-phone.json", "202"),
            Map.entry("verify-code.json", "401"),
            Map.entry("consume-magic-link.json", "401"),
            Map.entry("magic-link-page.json", "200"),
            Map.entry("store-name.json", "200"),
            Map.entry("generate-magic-link.json", "201"),
            Map.entry("subscription-magic-link.json", "200"),
            Map.entry("unlock-code-login.json", "200"),
            Map.entry("forbidden-store.json", "403"),
            Map.entry("update-email.json", "200"),
            Map.entry("revoke-credentials.json", "200"),
            Map.entry("audit-trail.json", "200"),
            Map.entry("current-session.json", "401"),
            Map.entry("logout.json", "200"),
            Map.entry("list-stores.json", "200"),
            Map.entry("search-customers.json", "200"),
            Map.entry("customer-profile.json", "200"),
            Map.entry("direct/support-lookup/stores.json", "ok"),
            Map.entry("direct/support-lookup/search.json", "ok"),
            Map.entry("direct/support-lookup/customer.json", "ok"),
            Map.entry("direct/generate-magic-link/by-subscription.json", "ok"),
            Map.entry("direct/generate-magic-link/portal-link.json", "ok"),
            Map.entry("direct/generate-magic-link/no-valid-email.json", "no_valid_email"),
            Map.entry("direct/update-email/update-email.json", "ok"),
            Map.entry("direct/update-email/revoke.json", "ok"),
            Map.entry("direct/update-email/unlock.json", "ok"),
            Map.entry("direct/deliver-message/queued-sms.json", "ok"),
            Map.entry("direct/deliver-message/code-request.json", "ok"),
            Map.entry("direct/deliver-message/ses-bounce.json", "ok"),
            Map.entry("direct/deliver-message/ses-complaint.json", "ok"),
            Map.entry("direct/deliver-message/ses-delivery.json", "ok"),
            Map.entry("direct/support-lookup/audit.json", "ok"));

    private static final AwsBackend BACKEND = AwsBackend.shared();
    private static final Path EVENTS = BACKEND.projectRoot().resolve("events");
    private static Portal portal;

    @BeforeAll
    static void seedDemoData() throws IOException {
        portal = new Portal();
        Seed seed = Seed.read(EVENTS.resolve("seed.json"));
        new LocalAws(BACKEND.aws(), "").verifySenderDomains(seed.senderDomains());
        seed.load(BACKEND.dynamoDb(), BACKEND.table("DirectoryTable"));
    }

    @TestFactory
    Stream<DynamicTest> everySampleRunsThroughItsTemplateHandler() throws IOException {
        List<String> samples;
        try (Stream<Path> files = Files.walk(EVENTS)) {
            samples = files.filter(file -> file.toString().endsWith(".json"))
                    .map(file -> EVENTS.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> !name.equals("seed.json"))
                    .sorted().toList();
        }
        assertThat(samples).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        return samples.stream().map(name -> DynamicTest.dynamicTest(name, () -> run(name)));
    }

    @SuppressWarnings("unchecked")
    private void run(String name) throws IOException {
        Map<String, Object> event = (Map<String, Object>) Json.parse(Files.readString(EVENTS.resolve(name)));
        if (name.startsWith("direct/")) {
            Map<String, Object> answer = (Map<String, Object>) ApiGatewayEmulator.invoke(
                    portal.api.handler(functionOfModule(name.split("/")[1])), event);
            assertThat(answer.getOrDefault("error", "ok")).as(name + ": " + answer).isEqualTo(EXPECTED.get(name));
            return;
        }
        String routeKey = (String) event.get("routeKey");
        TemplateModel.Route route = BACKEND.template().routes().stream()
                .filter(candidate -> candidate.routeKey().equals(routeKey)).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no route " + routeKey + " in template.yaml"));

        Map<String, Object> answer = (Map<String, Object>) ApiGatewayEmulator.invoke(
                portal.api.handler(route.functionLogicalId()), event);

        assertThat(String.valueOf(answer.get("statusCode"))).as(name + ": " + answer.get("body"))
                .isEqualTo(EXPECTED.get(name));
        Map<String, Object> headers = (Map<String, Object>) answer.get("headers");
        assertThat(headers).containsEntry("Cache-Control", "no-store").containsEntry("Referrer-Policy", "no-referrer");
        if (String.valueOf(headers.get("Content-Type")).startsWith("application/json")
                && ((Number) answer.get("statusCode")).intValue() >= 400) {
            assertThat((Map<String, Object>) Json.parse((String) answer.get("body"))).containsKeys("error", "message");
        }
    }

    private static String functionOfModule(String module) {
        return BACKEND.template().functions().stream()
                .filter(function -> function.codeUri().startsWith("functions/" + module + "/"))
                .map(TemplateModel.Function::logicalId).findFirst()
                .orElseThrow(() -> new AssertionError("no function in template.yaml is built from " + module));
    }
}
