package dev.portallogin.requestcode;

import dev.portallogin.core.testing.BadInput;
import dev.portallogin.core.testing.Fakes;
import dev.portallogin.core.testing.HttpCall;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeTry;

/** request-code's routes under hostile input (jqwik): every answer from the contract, never a 5xx. */
class RequestCodeBadInputTest {

    private static final String STORE = "acme";
    private static final String EMAIL = "jane@example.com";
    private static final String PHONE = "+12015550123";

    private RequestCodeHandler handler;

    /** Each try starts from the same store and customer, with no rate limit spent by the tries before it. */
    @BeforeTry
    void freshPorts() {
        Fakes fakes = new Fakes();
        fakes.customer(fakes.store(STORE, "US"), EMAIL, PHONE);
        handler = new RequestCodeHandler(new RequestCode(fakes.signInContext,
                fakes.rateLimiter, fakes.queue, fakes.config(), fakes.clock), new PortalStores(fakes.directory),
                fakes.originSecret);
    }

    @Property(tries = BadInput.TRIES)
    void postLoginCode(@ForAll("codeRequests") String body) {
        BadInput.assertJsonPostWithinContract(handler, "POST /login/code", body);
    }

    @Property(tries = BadInput.TRIES)
    void getLoginStore(@ForAll("storeIds") String storeId) {
        BadInput.assertWithinContract(storeId, HttpCall.to("GET /login/stores/{storeId}", "/login/stores/x")
                .pathParameter("storeId", storeId).sendTo(handler));
    }

    @Example
    void hugeAndDeepBodies() {
        freshPorts();
        BadInput.HUGE_BODIES.forEach(this::postLoginCode);
    }

    @Provide
    Arbitrary<String> codeRequests() {
        return BadInput.bodies(Map.of("storeId", BadInput.storeIds(STORE),
                "identifier", BadInput.identifiers(EMAIL, PHONE, EMAIL.toUpperCase())));
    }

    @Provide
    Arbitrary<String> storeIds() {
        return BadInput.pathStoreIds(STORE);
    }
}
