package dev.portallogin.supportlookup;

import static dev.portallogin.core.testing.gen.Tries.tries;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portallogin.core.testing.BadInput;
import dev.portallogin.core.testing.Fakes;
import dev.portallogin.core.testing.HttpCall;
import dev.portallogin.core.testing.SupportBadInput;
import dev.portallogin.core.testing.gen.Gen;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** support-lookup's reads under hostile input, over HTTP and as direct payloads. */
class SupportLookupBadInputTest extends SupportBadInput {

    @Override
    protected RequestStreamHandler freshHandler() {
        Fakes fakes = new Fakes();
        fakes.customer(fakes.store(STORE, "US"), "jane@example.com", "+12015550123");
        return SupportLookupHandlerTest.onFakes(fakes);
    }

    /** Its routes take no body: a body sent with the profile route is ignored, and the answer stays in contract. */
    @Override
    protected void post(String storeId, String customerId, String body) {
        BadInput.assertWithinContract(body, HttpCall.to("GET /admin/stores/{storeId}/customers/{customerId}",
                        "/admin/stores/x").pathParameter("storeId", storeId).pathParameter("customerId", customerId)
                .body("application/json", body).signedBy(Fakes.AGENT_SESSION).sendTo(freshHandler()));
    }

    private void search(String storeId, String query) {
        BadInput.assertWithinContract(query, HttpCall.to("GET /admin/stores/{storeId}/customers", "/admin/stores/x")
                .pathParameter("storeId", storeId).query("q", query).signedBy(Fakes.AGENT_SESSION)
                .sendTo(freshHandler()));
    }

    @Override
    protected Gen<Map<String, Object>> payloads() {
        return BadInput.documents(BadInput.profileFields(STORE, JANE));
    }

    @Test
    void generatedSearches() {
        Gen<String> stores = BadInput.pathStoreIds(STORE);
        Gen<String> queries = Gen.oneOf(BadInput.nasty(), Gen.of("jane", "Doe J", "jane@example.com", "+12015550123"));
        tries(BadInput.TRIES, random -> Map.of("store", stores.next(random), "q", queries.next(random)),
                search -> search(search.get("store"), search.get("q")));
    }

    @ParameterizedTest
    @FieldSource("dev.portallogin.core.testing.BadInput#NASTY")
    void nastySearches(String nasty) {
        search(STORE, nasty);
        search(nasty, "jane");
    }
}
