package dev.portallogin.generatemagiclink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.testing.Fakes;
import dev.portallogin.core.testing.HttpCall;
import dev.portallogin.core.testing.HttpCall.Answer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** generate-magic-link over its IAM-authorised routes and as the dashboard backend's direct invocation. */
class GenerateMagicLinkHandlerTest {

    private final Fakes fakes = new Fakes();
    private final GenerateMagicLinkHandler handler = new GenerateMagicLinkHandler(new GenerateMagicLink(
            fakes.stores, fakes.customers, fakes.logins, fakes.queue, fakes.audit, fakes.policy(), fakes.clock));
    private final Store acme = fakes.store("acme");
    private final Customer jane = fakes.customer(acme, "jane@example.com", null);

    private HttpCall customerLink(String storeId) {
        return HttpCall.to("POST /admin/stores/{storeId}/customers/{customerId}/magic-link",
                        "/admin/stores/" + storeId + "/customers/" + jane.customerId() + "/magic-link")
                .pathParameter("storeId", storeId).pathParameter("customerId", jane.customerId());
    }

    @Test
    void aSignedAgentOfTheStoreGetsAMagicLinkAndTheTrailNamesThem() {
        Answer answer = customerLink("acme").json(Map.of("agentId", "alice")).signedBy(Fakes.AGENT_SESSION)
                .sendTo(handler);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("url").toString()).startsWith("https://portal.acme.example/login/magic?token=");
        assertThat(fakes.audit.all()).singleElement().satisfies(entry -> {
            assertThat(entry.actor().session()).isEqualTo("alice");
            assertThat(entry.actor().principal()).isEqualTo(Fakes.SUPPORT_ROLE);
        });
    }

    @Test
    void aPortalLinkIsTheStoresLoginPageAndCarriesNoCredential() {
        Answer answer = customerLink("acme").json(Map.of("kind", "portal")).signedBy(Fakes.AGENT_SESSION)
                .sendTo(handler);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).containsEntry("url", "https://portal.acme.example/login?store=acme");
    }

    @Test
    void aCallerOfAnotherStoreOrWithoutASignatureIsForbidden() {
        fakes.store("other");
        String stranger = "arn:aws:sts::123456789012:assumed-role/OtherStoreSupport/mallory";

        Answer unsigned = customerLink("acme").json(Map.of()).sendTo(handler);
        Answer otherRole = customerLink("acme").json(Map.of()).signedBy(stranger).sendTo(handler);

        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(otherRole.status()).isEqualTo(403);
        assertThat(fakes.audit.all()).isEmpty();
    }

    @Test
    void theTrustedBackendInvokesDirectlyAndGetsTheSameDocument() {
        Map<String, Object> document = HttpCall.invoke(handler, Map.of("storeId", "acme",
                "customerId", jane.customerId(), "agentId", "dashboard-7", "kind", "magic"));

        assertThat(document.get("url").toString()).startsWith("https://portal.acme.example/login/magic?token=");
        assertThat(document).containsEntry("customerId", jane.customerId());
    }

    @Test
    void aDirectPayloadNamingBothOrNeitherTargetIsRefused() {
        Map<String, Object> neither = HttpCall.invoke(handler, Map.of("storeId", "acme", "agentId", "dashboard-7"));

        assertThat(neither).containsEntry("error", "invalid_request");
    }

    @Test
    void aRouteKeyTheFunctionDoesNotServeIsAJsonNotFound() {
        Answer answer = HttpCall.to("GET /admin/stores/{storeId}/customers/{customerId}/magic-link",
                "/admin/stores/acme/customers/x/magic-link").signedBy(Fakes.AGENT_SESSION).sendTo(handler);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.error()).isEqualTo("not_found");
    }
}
