package dev.portallogin.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Brand;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.it.support.Outbox;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator.HttpRequest;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A store's customers read its brand and their own language, through the real handlers and the emulator: the email
 * a French store sends, its SMS with the line that lets a phone fill the code in, and a customer whose browser
 * speaks German getting German mail from then on.
 */
class BrandAndLanguageIT {

    private static final String GERMAN_BROWSER = "de-DE,de;q=0.9,en;q=0.5";
    private final Portal portal = new Portal();

    private Store frenchStore() {
        return portal.newStore(Brand.of("Cafe Lumiere", "https://lumiere.example/logo.png", "#9a3412",
                "Cafe Lumiere", "aide@lumiere.example", "Europe/Paris", List.of("fr")), "FR", "FR");
    }

    private Customer frenchCustomer(Store store) {
        return portal.addCustomer(new Customer(store.storeId(), "c-camille", "camille." + store.storeId()
                + "@example.fr", "+3361234" + String.format("%04d", Math.floorMod(store.storeId().hashCode(), 10_000)),
                "Camille", "Martin", false, null));
    }

    @Test
    void aFrenchStoresCustomerGetsAFrenchBrandedEmailAndAnSmsThePhoneCanFillIn() {
        Store store = frenchStore();
        Customer camille = frenchCustomer(store);

        assertThat(portal.requestCode(store, camille.email()).status()).isEqualTo(202);

        Outbox.Email email = portal.outbox().lastEmailTo(camille.email());
        String code = email.code().orElseThrow();
        assertThat(email.subject()).isEqualTo(code + " est votre code de connexion Cafe Lumiere");
        assertThat(email.from()).as("the store's sender name").isEqualTo("\"Cafe Lumiere\" <" + store.emailFrom()
                + ">");
        String lifetime = "expirent dans 10 minutes (à " + portal.clock.instant().plus(Duration.ofMinutes(10))
                .atZone(java.time.ZoneId.of("Europe/Paris")).toLocalTime().withSecond(0).withNano(0);
        assertThat(email.body()).contains("<html lang=\"fr\">", "Bonjour Camille Martin",
                "alt=\"Cafe Lumiere\"", "https://lumiere.example/logo.png", "background:#9a3412",
                "Se connecter à Cafe Lumiere", lifetime, "aide@lumiere.example");
        Outbox.Sms sms = portal.outbox().smsTo(camille.phoneE164()).get(0);
        assertThat(sms.message()).startsWith(code + " est votre code de connexion Cafe Lumiere.")
                .endsWith("@portal." + store.storeId() + ".example.com #" + code);
    }

    @Test
    void aCustomerWhoseBrowserPrefersGermanGetsGermanMailAndKeepsItAfterSigningIn() {
        Store store = portal.newStore(Brand.of(null, null, null, null, null, "Europe/Berlin",
                List.of("en", "de", "fr")), "US", "US");
        Customer greta = portal.newCustomer(store, false);
        Map<String, String> german = Map.of("accept-language", GERMAN_BROWSER);

        portal.post("/login/code", Map.of("storeId", store.storeId(), "identifier", greta.email()), german);
        Outbox.Email first = portal.outbox().lastEmailTo(greta.email());
        assertThat(first.subject()).endsWith("ist Ihr Anmeldecode für " + store.name());
        HttpResponse signedIn = portal.post("/login/verify", Map.of("storeId", store.storeId(), "identifier",
                greta.email(), "code", first.code().orElseThrow()), german);
        assertThat(signedIn.status()).isEqualTo(200);

        // Later, from another network and a browser that names no language: her own language is German now.
        portal.clock.advance(Duration.ofMinutes(2));
        portal.requestCodeFrom(Portal.anotherAddress(), store, greta.email());
        assertThat(portal.outbox().emailsTo(greta.email())).hasSize(2);
        Outbox.Email later = portal.outbox().lastEmailTo(greta.email());
        assertThat(later.subject()).endsWith("ist Ihr Anmeldecode für " + store.name());
        assertThat(later.body()).contains("<html lang=\"de\">", "Hallo Jane Doe");
    }

    @Test
    void anEnglishBrowserAtAStoreThatSpeaksEnglishToo() {
        Store store = portal.newStore(Brand.of(null, null, null, null, null, null, List.of("fr", "en")), "US", "US");
        Customer sam = portal.newCustomer(store, false);

        portal.post("/login/code", Map.of("storeId", store.storeId(), "identifier", sam.email()),
                Map.of("accept-language", "en-GB,en;q=0.9"));

        assertThat(portal.outbox().lastEmailTo(sam.email()).subject()).endsWith("is your " + store.name()
                + " login code");
    }

    @Test
    void theApiSaysItsMessageInTheBrowsersLanguageAndKeepsItsErrorCodeEnglish() {
        HttpResponse refused = portal.api.handle(new HttpRequest("POST", "/login/code", Map.of(),
                Map.of("content-type", "application/json", "accept-language", "es-ES,es;q=0.9"),
                "{\"storeId\":\"nowhere\",\"identifier\":\"a@example.com\"}", portal.sourceIp()));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(Portal.json(refused)).isEqualTo(Map.of("error", "unknown_store",
                "message", "Esta tienda no existe."));
    }
}
