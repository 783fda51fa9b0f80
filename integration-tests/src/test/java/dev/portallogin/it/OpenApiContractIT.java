package dev.portallogin.it;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Arrays;
import dev.portallogin.core.domain.FailureCode;
import static dev.portallogin.it.support.Dashboard.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.json.Json;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator.HttpRequest;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/openapi.yaml} against real answers of the handlers (through the template's routes, against the
 * emulator): every success and error a client can meet on every route must match the description, so the
 * description cannot drift from the code.
 */
class OpenApiContractIT {

    private record Exchange(String method, String path, HttpResponse response) {
    }

    private final Portal portal = new Portal();
    private final Store store = portal.newStore("US");
    private final List<Exchange> exchanges = new ArrayList<>();

    private HttpResponse call(String method, String path, Map<String, String> query, Object body, String cookie) {
        Map<String, String> headers = cookie == null ? Map.of("content-type", "application/json")
                : Map.of("content-type", "application/json", "cookie", cookie);
        String text = body == null ? null : body instanceof String raw ? raw : Json.write(body);
        HttpResponse response = Portal.seen(portal.api.handle(new HttpRequest(method, path, query, headers, text,
                portal.sourceIp())));
        exchanges.add(new Exchange(method, path, response));
        return response;
    }

    private HttpResponse post(String path, Object body) {
        return call("POST", path, Map.of(), body, null);
    }

    @Test
    void everyRouteAnswersAsTheOpenApiDescriptionSays() {
        Customer customer = portal.newCustomer(store, true);
        Customer noEmail = portal.addCustomer(store, "no-email-" + store.storeId(), null, null);
        var subscription = portal.addSubscription(customer);
        String sid = store.storeId();

        post("/login/code", Map.of("storeId", sid, "identifier", customer.email()));
        post("/login/code", Map.of("storeId", sid, "identifier", customer.email()));
        post("/login/code", Map.of("storeId", sid, "identifier", "nope"));
        post("/login/code", Map.of("storeId", "no-such-store", "identifier", customer.email()));
        post("/login/code", "{broken");
        var email = portal.outbox().lastEmailTo(customer.email());
        post("/login/verify", Map.of("storeId", sid, "identifier", customer.email(), "code", "12"));
        HttpResponse signedIn = post("/login/verify", Map.of("storeId", sid, "identifier", customer.email(),
                "code", email.code().orElseThrow()));
        String cookie = signedIn.cookies().get(0).substring(0, signedIn.cookies().get(0).indexOf(';'));
        String token = email.magicLinkToken().orElseThrow();
        call("GET", "/login/magic", Map.of("token", token), null, null);
        call("GET", "/login/magic", Map.of("token", "broken"), null, null);
        call("HEAD", "/login/magic", Map.of("token", token), null, null);
        post("/login/magic", Map.of("token", token));
        post("/login/magic", Map.of("token", "A".repeat(43)));
        call("GET", "/session", Map.of(), null, cookie);
        call("GET", "/session", Map.of(), null, null);
        call("POST", "/logout", Map.of(), "{}", cookie);

        String admin = "/admin/stores/" + sid;
        String customerPath = admin + "/customers/" + customer.customerId();
        post(customerPath + "/magic-link", request("agentId", "a-1"));
        post(admin + "/subscriptions/" + subscription.subscriptionId() + "/magic-link", request("kind", "portal"));
        post(admin + "/subscriptions/nobody/magic-link", request("kind", "portal"));
        post(admin + "/customers/" + noEmail.customerId() + "/magic-link", request("send", true));
        post(admin + "/customers/nobody/magic-link", request());
        post(admin + "/customers/" + customer.customerId() + "/magic-link", request("kind", "forever"));
        post("/admin/stores/not-" + sid + "/customers/" + customer.customerId() + "/magic-link", request());
        portal.clock.advance(Duration.ofSeconds(1));
        String emailPath = admin + "/customers/" + noEmail.customerId() + "/email";
        call("PUT", emailPath, Map.of(), request("email", "fixed." + sid + "@example.com", "agentId", "a-1"), null);
        call("PUT", emailPath, Map.of(), request("email", customer.email()), null);
        call("PUT", emailPath, Map.of(), request("email", "not an email"), null);
        call("PUT", admin + "/customers/nobody/email", Map.of(), request("email", "x@example.com"), null);
        post(customerPath + "/revoke", request("agentId", "a-1"));
        post(admin + "/customers/nobody/revoke", request());
        post(customerPath + "/unlock", request());
        post(admin + "/customers/nobody/unlock", request());
        call("GET", customerPath + "/audit", Map.of(), null, null);
        call("GET", "/admin/stores", Map.of(), null, null);
        call("GET", admin + "/customers", Map.of("q", "jane"), null, null);
        call("GET", admin + "/customers", Map.of("q", "j"), null, null);
        call("GET", customerPath, Map.of(), null, null);
        call("GET", admin + "/customers/nobody", Map.of(), null, null);

        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForSpecificationUrl(portal.backend.projectRoot().resolve("docs/openapi.yaml").toUri()
                        .toString())
                .build();
        List<String> mismatches = new ArrayList<>();
        for (Exchange exchange : exchanges) {
            HttpResponse response = exchange.response();
            SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status());
            response.headers().forEach(answer::withHeader);
            response.cookies().forEach(cookieValue -> answer.withHeader("Set-Cookie", cookieValue));
            if (response.body() != null && !response.body().isEmpty()) {
                answer.withBody(response.body());
            }
            ValidationReport report = validator.validateResponse(exchange.path(),
                    Request.Method.valueOf(exchange.method()), answer.build());
            report.getMessages().forEach(message -> mismatches.add(exchange.method() + " " + exchange.path() + " "
                    + response.status() + ": " + message.getMessage()));
        }

        assertThat(exchanges).extracting(exchange -> exchange.response().status())
                .contains(200, 201, 202, 400, 401, 403, 404, 409, 422, 429);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theDescriptionListsExactlyTheServicesErrorCodes() {
        var description = new OpenAPIV3Parser().read(portal.backend.projectRoot()
                .resolve("docs/openapi.yaml").toUri().toString());
        var error = (Schema<?>) description.getComponents().getSchemas().get("Error")
                .getProperties().get("error");
        assertThat(error.getEnum()).map(String::valueOf).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(FailureCode.values())
                        .map(FailureCode::error).toList());
    }
}
