package dev.portallogin.it;

import static dev.portallogin.it.support.Portal.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Store;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear 4xx JSON error from the contract, never a 500 or a stack trace. */
class RequestValidationIT {

    private final Portal portal = new Portal();
    private final Store store = portal.newStore("US");

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "", "[]", "\"text\"", "{\"storeId\": 5, \"identifier\": \"a@b.co\"}",
            "{\"identifier\": \"jane@example.com\"}", "{\"storeId\": \"acme\"}",
            "{\"storeId\": \"../../etc\", \"identifier\": \"jane@example.com\"}"})
    void malformedCodeRequestsAreInvalidRequest(String body) {
        HttpResponse response = portal.post("/login/code", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response)).containsEntry("error", "invalid_request").containsKey("message");
        assertThat(response.body()).doesNotContain("Exception", "at dev.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane", "jane@", "@example.com", "jane doe@example.com", "12", "+1 555",
            "jane@example", "not a phone"})
    void identifiersThatAreNeitherEmailNorPhoneAreInvalidIdentifier(String identifier) {
        HttpResponse response = portal.requestCode(store, identifier);

        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response)).containsEntry("error", "invalid_identifier");
    }

    @Test
    void unknownStoreIsNotFound() {
        HttpResponse response = portal.post("/login/code", Map.of("storeId", "no-such-store",
                "identifier", "jane@example.com"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(json(response)).containsEntry("error", "unknown_store");
    }

    @Test
    void verifyWithoutCodeIsInvalidRequest() {
        HttpResponse response = portal.post("/login/verify", Map.of("storeId", store.storeId(),
                "identifier", "jane@example.com"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response)).containsEntry("error", "invalid_request");
    }

    @Test
    void verifyForAnUnknownCustomerIsJustAnInvalidCode() {
        HttpResponse response = portal.verifyCode(store, "nobody." + store.storeId() + "@example.com", "1234");

        assertThat(response.status()).isEqualTo(401);
        assertThat(json(response)).containsEntry("error", "invalid_code");
    }

    @Test
    void aDirectInvocationOfACustomerRouteIsRefusedWithAJsonError() {
        var handler = portal.api.handler("RequestCodeFunction");

        Object answer = dev.portallogin.tools.ApiGatewayEmulator.invoke(handler,
                Map.of("storeId", store.storeId(), "identifier", "jane@example.com"));

        assertThat(answer).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("error", "invalid_request");
    }
}
