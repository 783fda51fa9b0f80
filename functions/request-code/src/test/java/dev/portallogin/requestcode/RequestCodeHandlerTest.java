package dev.portallogin.requestcode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Brand;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.http.SignInCookies;
import dev.portallogin.core.testing.Fakes;
import dev.portallogin.core.testing.HttpCall;
import dev.portallogin.core.testing.HttpCall.Answer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The routes of request-code, as API Gateway calls them. */
class RequestCodeHandlerTest {

    private final Fakes fakes = new Fakes();
    private final RequestCodeHandler handler = new RequestCodeHandler(new RequestCode(fakes.signInContext,
            fakes.rateLimiter, fakes.queue, fakes.policy(), fakes.clock),
            new PortalStores(fakes.stores), fakes.originSecret);

    private HttpCall askForCode(Object body) {
        return HttpCall.to("POST /login/code", "/login/code").json(body);
    }

    @Test
    void askingForACodeAnswersSentAndRemembersTheBrowserInAShortLivedCookie() {
        fakes.store("acme");

        Answer answer = askForCode(Map.of("storeId", "acme", "identifier", "nobody@example.com")).sendTo(handler);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json()).isEqualTo(Map.of("status", "sent", "codeLifetimeSeconds", 600, "triesPerCode", 5,
                "resendAfterSeconds", 60));
        assertThat(answer.cookies()).singleElement().asString()
                .startsWith(SignInCookies.BROWSER + "=")
                .contains("HttpOnly", "Secure", "SameSite=Lax", "Path=/", "Max-Age=600")
                .doesNotContain("Domain");
    }

    @Test
    void theBrowserIsRememberedAndTheTriesAndLifetimeToldAsTheLoginPolicySets() {
        RequestCodeHandler longerLinks = new RequestCodeHandler(new RequestCode(fakes.signInContext,
                fakes.rateLimiter, fakes.queue, fakes.policy("LINK_TTL_SECONDS", "1800", "CODE_TTL_SECONDS", "900",
                "MAX_CODE_ATTEMPTS", "3", "IDENTIFIER_RATE_LIMITS", "1/120,5/3600"), fakes.clock),
                        new PortalStores(fakes.stores), fakes.originSecret);
        fakes.store("acme");

        Answer answer = askForCode(Map.of("storeId", "acme", "identifier", "nobody@example.com")).sendTo(longerLinks);

        assertThat(answer.json()).isEqualTo(Map.of("status", "sent", "codeLifetimeSeconds", 900, "triesPerCode", 3,
                "resendAfterSeconds", 120));
        assertThat(answer.cookies()).singleElement().asString().contains("Max-Age=1800");
    }

    @Test
    void aFormOrTextBodyIsRefusedSoNoOtherSiteCanPostOne() {
        fakes.store("acme");

        Answer answer = HttpCall.to("POST /login/code", "/login/code")
                .body("text/plain", "{\"storeId\":\"acme\",\"identifier\":\"jane@example.com\"}").sendTo(handler);

        assertThat(answer.status()).isEqualTo(415);
        assertThat(fakes.queue.queued).isEmpty();
    }

    @Test
    void aRequestFromAnotherSiteIsForbidden() {
        fakes.store("acme");
        fakes.customer(fakes.directory.findStore("acme").orElseThrow(), "jane@example.com", null);

        Answer answer = askForCode(Map.of("storeId", "acme", "identifier", "jane@example.com"))
                .header("origin", "https://evil.example").sendTo(handler);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.error()).isEqualTo("forbidden_origin");
        assertThat(fakes.queue.queued).isEmpty();
    }

    @Test
    void missingFieldsAndBrokenJsonAreClearFourHundreds() {
        fakes.store("acme");

        Answer missing = askForCode(Map.of("storeId", "acme")).sendTo(handler);
        Answer broken = HttpCall.to("POST /login/code", "/login/code").body("application/json", "{\"storeId\":")
                .sendTo(handler);

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("message").toString()).contains("identifier");
        assertThat(broken.status()).isEqualTo(400);
    }

    @Test
    void theLoginPageReadsTheStoresNameBrandAndLanguagesAndAnUnknownStoreIsNotFound() {
        fakes.store("acme");
        fakes.directory.add(new Store("lumiere", "Lumiere SAS", "https://portal.lumiere.example", "l@lumiere.example",
                "FR", Set.of("FR"), Set.of(), Brand.of("Café Lumière", "https://lumiere.example/logo.png", "#9a3412",
                "Café Lumière", "aide@lumiere.example", "Europe/Paris", List.of("fr", "en"))));

        Answer plain = HttpCall.to("GET /login/stores/{storeId}", "/login/stores/acme")
                .pathParameter("storeId", "acme").sendTo(handler);
        Answer branded = HttpCall.to("GET /login/stores/{storeId}", "/login/stores/lumiere")
                .pathParameter("storeId", "lumiere").sendTo(handler);
        Answer unknown = HttpCall.to("GET /login/stores/{storeId}", "/login/stores/nope")
                .pathParameter("storeId", "nope").sendTo(handler);

        assertThat(plain.json()).as("a store without a brand looks as the service does").isEqualTo(Map.of(
                "storeId", "acme", "name", "Store acme", "accentColour", "#1a56db", "timeZone", "UTC",
                "languages", List.of("en"), "defaultLanguage", "en"));
        assertThat(branded.json()).isEqualTo(Map.of("storeId", "lumiere", "name", "Café Lumière",
                "logoUrl", "https://lumiere.example/logo.png", "accentColour", "#9a3412",
                "supportContact", "aide@lumiere.example", "timeZone", "Europe/Paris", "languages", List.of("fr", "en"),
                "defaultLanguage", "fr"));
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void aRouteKeyTheFunctionDoesNotServeIsAJsonNotFound() {
        Answer answer = HttpCall.to("DELETE /login/code", "/login/code").sendTo(handler);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.error()).isEqualTo("not_found");
        assertThat(answer.headers()).containsEntry("Content-Type", "application/json");
    }
}
