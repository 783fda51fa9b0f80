package dev.portallogin.supportlookup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.testing.Fakes;
import dev.portallogin.core.testing.HttpCall;
import dev.portallogin.core.testing.HttpCall.Answer;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** support-lookup's reads, by route key and by direct invocation: one action table for both. */
class SupportLookupHandlerTest {

    private final Fakes fakes = new Fakes();
    private final SupportLookupHandler handler = onFakes(fakes);
    private final Store acme = fakes.store("acme");
    private final Customer jane = fakes.customer(acme, "jane@example.com", null);

    /** The handler as Lambda wires it, on in-memory ports. */
    static SupportLookupHandler onFakes(Fakes fakes) {
        return new SupportLookupHandler(new AuditTrail(fakes.stores, fakes.customers, fakes.audit),
                new SupportDirectory(fakes.stores, fakes.customers, fakes.audit, fakes.policy(), fakes.clock));
    }

    private HttpCall customerRoute(String suffix) {
        return HttpCall.to("GET /admin/stores/{storeId}/customers/{customerId}" + suffix,
                        "/admin/stores/acme/customers/" + jane.customerId() + suffix)
                .pathParameter("storeId", "acme").pathParameter("customerId", jane.customerId())
                .signedBy(Fakes.AGENT_SESSION);
    }

    @Test
    void aProfileReadOverHttpAndByTheBackendIsTheSameDocumentAndTheSameAuditEntry() {
        Answer overHttp = customerRoute("").sendTo(handler);
        Map<String, Object> direct = HttpCall.invoke(handler, Map.of("action", "customer", "storeId", "acme",
                "customerId", jane.customerId(), "agentId", "alice"));

        assertThat(overHttp.json()).isEqualTo(direct);
        assertThat(fakes.audit.all()).extracting(AuditEntry::action, entry -> entry.details())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("profile_viewed", Map.of()),
                        org.assertj.core.groups.Tuple.tuple("profile_viewed", Map.of()));
        assertThat(fakes.audit.all()).extracting(entry -> entry.actor().type())
                .containsExactly(Actor.AGENT, Actor.TRUSTED_BACKEND);
    }

    @Test
    void aSearchReadsItsTermFromTheQueryOrThePayload() {
        Answer overHttp = HttpCall.to("GET /admin/stores/{storeId}/customers", "/admin/stores/acme/customers")
                .pathParameter("storeId", "acme").query("q", "jane@example.com").signedBy(Fakes.AGENT_SESSION)
                .sendTo(handler);
        Map<String, Object> direct = HttpCall.invoke(handler, Map.of("action", "search", "storeId", "acme",
                "q", "jane@example.com"));

        assertThat(overHttp.json()).isEqualTo(direct);
        assertThat(overHttp.body()).contains(jane.customerId());
    }

    @Test
    void anAgentSeesOnlyTheStoresThatListTheirRole() {
        fakes.directory.add(new Store("unlisted", "Unlisted", "https://portal.unlisted.example",
                "login@unlisted.example", "US", Set.of()));

        Answer stores = HttpCall.to("GET /admin/stores", "/admin/stores").signedBy(Fakes.AGENT_SESSION)
                .sendTo(handler);

        assertThat(stores.body()).contains("acme").doesNotContain("unlisted");
    }

    @Test
    void aDirectCallMustNameOneOfItsReadsAndCanChangeNothing() {
        assertThat(HttpCall.invoke(handler, Map.of("storeId", "acme", "customerId", jane.customerId())))
                .containsEntry("error", "invalid_request");
        assertThat(HttpCall.invoke(handler, Map.of("action", "revoke", "storeId", "acme", "customerId",
                jane.customerId(), "agentId", "a-1"))).containsEntry("error", "invalid_request");
        assertThat(fakes.directory.findCustomer("acme", jane.customerId()).orElseThrow().credentialsRevokedAt())
                .isNull();
    }

    @Test
    void aRouteKeyTheFunctionDoesNotServeIsAJsonNotFound() {
        Answer answer = HttpCall.to("POST /admin/stores/{storeId}/customers/{customerId}/revoke", "/x")
                .pathParameter("storeId", "acme").pathParameter("customerId", jane.customerId())
                .signedBy(Fakes.AGENT_SESSION).sendTo(handler);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.error()).isEqualTo("not_found");
    }
}
