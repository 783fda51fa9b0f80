package dev.portallogin.generatemagiclink;

import static dev.portallogin.core.testing.gen.Tries.tries;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portallogin.core.testing.BadInput;
import dev.portallogin.core.testing.Fakes;
import dev.portallogin.core.testing.HttpCall;
import dev.portallogin.core.testing.SupportBadInput;
import dev.portallogin.core.testing.gen.Gen;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** generate-magic-link under hostile input, over HTTP and as direct payloads. */
class GenerateMagicLinkBadInputTest extends SupportBadInput {

    @Override
    protected RequestStreamHandler freshHandler() {
        Fakes fakes = new Fakes();
        fakes.customer(fakes.store(STORE, "US"), "jane@example.com", null);
        return new GenerateMagicLinkHandler(new GenerateMagicLink(fakes.stores, fakes.customers, fakes.logins,
                fakes.queue,
                fakes.audit, fakes.policy(), fakes.clock));
    }

    @Override
    protected void post(String storeId, String customerId, String body) {
        BadInput.assertWithinContract(body, HttpCall.to(
                        "POST /admin/stores/{storeId}/customers/{customerId}/magic-link", "/admin/stores/x")
                .pathParameter("storeId", storeId).pathParameter("customerId", customerId)
                .body("application/json", body).signedBy(Fakes.AGENT_SESSION).sendTo(freshHandler()));
    }

    @Override
    protected Gen<Map<String, Object>> payloads() {
        return BadInput.documents(BadInput.agentLinkFields(STORE, JANE));
    }

    @Test
    void generatedAgentLinkRequests() {
        tries(BadInput.TRIES, posts(BadInput.ids(JANE, "cus-1001"),
                BadInput.bodies(BadInput.agentLinkFields(STORE, JANE))),
                post -> post(post.storeId(), post.customerId(), post.body()));
    }
}
