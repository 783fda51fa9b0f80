package dev.portallogin.updateemail;

import static dev.portallogin.core.testing.gen.Tries.tries;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portallogin.core.testing.BadInput;
import dev.portallogin.core.testing.Fakes;
import dev.portallogin.core.testing.HttpCall;
import dev.portallogin.core.testing.SupportBadInput;
import dev.portallogin.core.testing.gen.Gen;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** update-email's actions under hostile input, over HTTP and as direct payloads. */
class UpdateEmailBadInputTest extends SupportBadInput {

    private static final String NO_EMAIL = "cus-2";

    @Override
    protected RequestStreamHandler freshHandler() {
        Fakes fakes = new Fakes();
        fakes.customer(fakes.store(STORE, "US"), "jane@example.com", "+12015550123");
        fakes.customer(fakes.directory.findStore(STORE).orElseThrow(), null, null);
        return UpdateEmailHandlerTest.onFakes(fakes);
    }

    @Override
    protected void post(String storeId, String customerId, String body) {
        BadInput.assertWithinContract(body, HttpCall.to("PUT /admin/stores/{storeId}/customers/{customerId}/email",
                        "/admin/stores/x").pathParameter("storeId", storeId).pathParameter("customerId", customerId)
                .body("application/json", body).signedBy(Fakes.AGENT_SESSION).sendTo(freshHandler()));
    }

    @Override
    protected Gen<Map<String, Object>> payloads() {
        return BadInput.documents(BadInput.profileFields(STORE, JANE, NO_EMAIL));
    }

    @Test
    void generatedEmailChanges() {
        tries(BadInput.TRIES, posts(BadInput.ids(JANE, NO_EMAIL, STORE), BadInput.bodies(Map.of(
                        "email", BadInput.nasty().any(), "agentId", Gen.constant("agent-1").any()))),
                post -> post(post.storeId(), post.customerId(), post.body()));
    }
}
