package dev.portallogin.updateemail;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portallogin.core.testing.BadInput;
import dev.portallogin.core.testing.Fakes;
import dev.portallogin.core.testing.HttpCall;
import dev.portallogin.core.testing.SupportBadInput;
import java.time.Duration;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** update-email's support routes under hostile input (jqwik), over HTTP and as direct payloads. */
class UpdateEmailBadInputTest extends SupportBadInput {

    private static final String NO_EMAIL = "cus-2";

    @Override
    protected RequestStreamHandler freshHandler() {
        Fakes fakes = new Fakes();
        fakes.customer(fakes.store(STORE, "US"), "jane@example.com", "+12015550123");
        fakes.customer(fakes.directory.findStore(STORE).orElseThrow(), null, null);
        return new UpdateEmailHandler(
                new UpdateEmail(fakes.directory, fakes.queue, Duration.ofMinutes(10), fakes.clock),
                new RevokeCredentials(fakes.directory, fakes.clock), new UnlockCodeLogin(fakes.directory, fakes.clock),
                new AuditTrail(fakes.directory, fakes.audit),
                new SupportDirectory(fakes.directory, fakes.audit, fakes.config(), fakes.clock));
    }

    @Property(tries = BadInput.TRIES)
    void putAdminEmail(@ForAll("storeIds") String storeId, @ForAll("customerIds") String customerId,
                       @ForAll("emailRequests") String body) {
        post(storeId, customerId, body);
    }

    @Override
    protected void post(String storeId, String customerId, String body) {
        BadInput.assertWithinContract(body, HttpCall.to("PUT /admin/stores/{storeId}/customers/{customerId}/email",
                        "/admin/stores/x").pathParameter("storeId", storeId).pathParameter("customerId", customerId)
                .body("application/json", body).signedBy(Fakes.AGENT_SESSION).sendTo(handler));
    }

    @Property(tries = BadInput.TRIES)
    void getAdminCustomers(@ForAll("storeIds") String storeId, @ForAll("queries") String query) {
        BadInput.assertWithinContract(query, HttpCall.to("GET /admin/stores/{storeId}/customers", "/admin/stores/x")
                .pathParameter("storeId", storeId).query("q", query).signedBy(Fakes.AGENT_SESSION).sendTo(handler));
    }

    @Provide
    Arbitrary<String> customerIds() {
        return BadInput.ids(JANE, NO_EMAIL, STORE);
    }

    @Provide
    Arbitrary<String> queries() {
        return Arbitraries.oneOf(BadInput.nasty(), Arbitraries.of("jane", "Doe J", "jane@example.com", "+12015550123"));
    }

    @Provide
    Arbitrary<String> emailRequests() {
        return BadInput.bodies(Map.of("email", BadInput.nasty().map(value -> value),
                "agentId", Arbitraries.of("agent-1").map(value -> value)));
    }

    @Provide
    Arbitrary<Map<String, Object>> payloads() {
        return BadInput.documents(BadInput.profileFields(STORE, JANE, NO_EMAIL));
    }
}
