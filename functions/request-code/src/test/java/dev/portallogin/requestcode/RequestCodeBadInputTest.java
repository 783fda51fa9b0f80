package dev.portallogin.requestcode;

import static dev.portallogin.core.testing.gen.Tries.tries;

import dev.portallogin.core.json.Json;
import dev.portallogin.core.testing.BadInput;
import dev.portallogin.core.testing.Fakes;
import dev.portallogin.core.testing.HttpCall;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** request-code's routes under hostile input: every answer from the contract, never a 5xx. */
class RequestCodeBadInputTest {

    private static final String STORE = "acme";
    private static final String EMAIL = "jane@example.com";
    private static final String PHONE = "+12015550123";

    /** A handler on fresh ports: the store and customer, with no rate limit spent by the tries before. */
    private static RequestCodeHandler freshHandler() {
        Fakes fakes = new Fakes();
        fakes.customer(fakes.store(STORE, "US"), EMAIL, PHONE);
        return new RequestCodeHandler(new RequestCode(fakes.signInContext,
                fakes.rateLimiter, fakes.queue, fakes.policy(), fakes.clock), new PortalStores(fakes.stores),
                fakes.originSecret);
    }

    private static void postLoginCode(String body) {
        BadInput.assertJsonPostWithinContract(freshHandler(), "POST /login/code", body);
    }

    private static void getLoginStore(String storeId) {
        BadInput.assertWithinContract(storeId, HttpCall.to("GET /login/stores/{storeId}", "/login/stores/x")
                .pathParameter("storeId", storeId).sendTo(freshHandler()));
    }

    @Test
    void generatedCodeRequests() {
        tries(BadInput.TRIES, BadInput.bodies(Map.of("storeId", BadInput.storeIds(STORE),
                "identifier", BadInput.identifiers(EMAIL, PHONE, EMAIL.toUpperCase()))),
                        RequestCodeBadInputTest::postLoginCode);
    }

    @Test
    void generatedStoreIds() {
        tries(BadInput.TRIES, BadInput.pathStoreIds(STORE), RequestCodeBadInputTest::getLoginStore);
    }

    @ParameterizedTest
    @FieldSource("dev.portallogin.core.testing.BadInput#NASTY")
    void nastyIdentifiersAndStores(String nasty) {
        postLoginCode(Json.write(Map.of("storeId", STORE, "identifier", nasty)));
        postLoginCode(Json.write(Map.of("storeId", nasty, "identifier", EMAIL)));
        getLoginStore(nasty);
    }

    @ParameterizedTest
    @FieldSource({"dev.portallogin.core.testing.BadInput#HUGE_BODIES",
            "dev.portallogin.core.testing.BadInput#NOT_OBJECTS"})
    void bodiesThatAreNotCodeRequests(String body) {
        postLoginCode(body);
    }
}
