package dev.portallogin.updateemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.testing.Fakes;
import dev.portallogin.core.testing.HttpCall;
import dev.portallogin.core.testing.HttpCall.Answer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** update-email's actions, by route key and by direct invocation: one action table for both. */
class UpdateEmailHandlerTest {

    private final Fakes fakes = new Fakes();
    private final UpdateEmailHandler handler = onFakes(fakes);
    /** The handler as Lambda wires it, on in-memory ports. */
    static UpdateEmailHandler onFakes(Fakes fakes) {
        return new UpdateEmailHandler(
                new UpdateEmail(fakes.stores, fakes.customers, fakes.accounts, fakes.queue, Duration.ofMinutes(10),
                        fakes.clock),
                new RevokeCredentials(fakes.stores, fakes.accounts, fakes.clock),
                new UnlockCodeLogin(fakes.stores, fakes.accounts, fakes.clock));
    }

    private final Store acme = fakes.store("acme");
    private final Customer jane = fakes.customer(acme, "jane@example.com", null);

    private HttpCall customerRoute(String method, String suffix) {
        return HttpCall.to(method + " /admin/stores/{storeId}/customers/{customerId}" + suffix,
                        "/admin/stores/acme/customers/" + jane.customerId() + suffix)
                .pathParameter("storeId", "acme").pathParameter("customerId", jane.customerId())
                .signedBy(Fakes.AGENT_SESSION);
    }

    @Test
    void anAgentChangesTheEmailAndTheTrailNamesTheAgent() {
        Answer changed = customerRoute("PUT", "/email").json(Map.of("email", "jane.new@example.com"))
                .sendTo(handler);

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json()).containsEntry("changed", true);
        assertThat(fakes.directory.findCustomer("acme", jane.customerId()).orElseThrow().email())
                .isEqualTo("jane.new@example.com");
        assertThat(fakes.audit.all()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("email_changed");
            assertThat(entry.actor().session()).isNotNull();
        });
    }

    @Test
    void theReasonAnAgentGivesIsKeptWithTheActionOverHttpAndDirectAlike() {
        Answer overHttp = customerRoute("POST", "/revoke")
                .json(Map.of("agentId", "alice", "reason", "ticket 4711: lost phone")).sendTo(handler);
        Map<String, Object> direct = HttpCall.invoke(handler, Map.of("action", "revoke", "storeId", "acme",
                "customerId", jane.customerId(), "agentId", "alice", "reason", "ticket 4711: lost phone"));

        assertThat(overHttp.json()).containsEntry("revoked", true).containsOnlyKeys(direct.keySet());
        assertThat(fakes.audit.all()).extracting(entry -> entry.action(), entry -> entry.actor().reason())
                .containsExactly(tuple("credentials_revoked", "ticket 4711: lost phone"),
                        tuple("credentials_revoked", "ticket 4711: lost phone"));
    }

    @Test
    void aReasonLongerThanALineIsRefusedAndNothingHappens() {
        Answer refused = customerRoute("POST", "/revoke").json(Map.of("reason", "x".repeat(201))).sendTo(handler);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error()).isEqualTo("invalid_request");
        assertThat(fakes.audit.all()).isEmpty();
    }

    @Test
    void revokeAndUnlockAnswerTheCustomersNewState() {
        assertThat(customerRoute("POST", "/revoke").sendTo(handler).status()).isEqualTo(200);
        assertThat(customerRoute("POST", "/unlock").sendTo(handler).status()).isEqualTo(200);

        assertThat(fakes.audit.all()).extracting(entry -> entry.action())
                .containsExactly("credentials_revoked", "code_login_unlocked");
    }

    @Test
    void theTrustedBackendNamesTheActionAndTheAgent() {
        Map<String, Object> answer = HttpCall.invoke(handler, Map.of("action", "revoke", "storeId", "acme",
                "customerId", jane.customerId(), "agentId", "dashboard-7"));

        assertThat(answer).doesNotContainKey("error");
        assertThat(fakes.audit.all()).singleElement().satisfies(entry ->
                assertThat(entry.actor().label()).isEqualTo("dashboard-7"));
    }

    @Test
    void anUnknownDirectActionIsRefused() {
        Map<String, Object> answer = HttpCall.invoke(handler, Map.of("action", "delete-everything",
                "storeId", "acme", "customerId", jane.customerId(), "agentId", "dashboard-7"));

        assertThat(answer).containsEntry("error", "invalid_request");
        assertThat(fakes.audit.all()).isEmpty();
    }

    @Test
    void aRouteKeyTheFunctionDoesNotServeIsAJsonNotFound() {
        Answer answer = customerRoute("DELETE", "").sendTo(handler);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.error()).isEqualTo("not_found");
    }
}
