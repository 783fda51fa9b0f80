package dev.portallogin.generatemagiclink;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portallogin.core.testing.BadInput;
import dev.portallogin.core.testing.Fakes;
import dev.portallogin.core.testing.HttpCall;
import dev.portallogin.core.testing.SupportBadInput;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** generate-magic-link under hostile input (jqwik), over HTTP and as direct payloads. */
class GenerateMagicLinkBadInputTest extends SupportBadInput {

    @Override
    protected RequestStreamHandler freshHandler() {
        Fakes fakes = new Fakes();
        fakes.customer(fakes.store(STORE, "US"), "jane@example.com", null);
        return new GenerateMagicLinkHandler(new GenerateMagicLink(fakes.directory, fakes.logins, fakes.queue,
                fakes.audit, fakes.config(), fakes.clock));
    }

    @Property(tries = BadInput.TRIES)
    void postAdminMagicLink(@ForAll("storeIds") String storeId, @ForAll("customerIds") String customerId,
                            @ForAll("requests") String body) {
        post(storeId, customerId, body);
    }

    @Override
    protected void post(String storeId, String customerId, String body) {
        BadInput.assertWithinContract(body, HttpCall.to(
                        "POST /admin/stores/{storeId}/customers/{customerId}/magic-link", "/admin/stores/x")
                .pathParameter("storeId", storeId).pathParameter("customerId", customerId)
                .body("application/json", body).signedBy(Fakes.AGENT_SESSION).sendTo(handler));
    }

    @Provide
    Arbitrary<String> customerIds() {
        return BadInput.ids(JANE, "cus-1001");
    }

    @Provide
    Arbitrary<String> requests() {
        return BadInput.bodies(BadInput.agentLinkFields(STORE, JANE));
    }

    @Provide
    Arbitrary<Map<String, Object>> payloads() {
        return BadInput.documents(BadInput.agentLinkFields(STORE, JANE));
    }
}
