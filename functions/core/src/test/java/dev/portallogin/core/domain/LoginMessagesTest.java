package dev.portallogin.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a customer reads: in her language, in the store's brand and time zone, with the code where phones find it. */
class LoginMessagesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T18:45:00Z");
    private final Store lumiere = new Store("lumiere", "Lumiere SAS", "https://portal.lumiere.example",
            "l@lumiere.example", "FR", Set.of("FR"), Set.of(), Brand.of("Café Lumière", "https://lumiere.example/logo.png", "#9a3412",
            "Café Lumière", "aide@lumiere.example", "Europe/Paris", List.of("fr", "en")));
    private final Store plain = new Store("plain", "Plain Store", "https://portal.plain.example", "l@plain.example",
            "US", Set.of("US"));
    private final Customer camille = new Customer("lumiere", "c-1", "camille@example.fr", "+33612345678", "Camille",
            "Martin", false, null);
    private final LoginCode code = LoginCode.parse("4821", 4).orElseThrow();
    private final EmailAddress to = EmailAddress.parse("camille@example.fr").orElseThrow();

    @Test
    void aFrenchStoresEmailIsInFrenchInItsBrandAndItsTimeZoneWithTheCodeFirstInTheSubject() {
        EmailMessage email = LoginMessages.codeAndLink(lumiere, camille, "fr", to, code,
                "https://portal.lumiere.example/login/magic?token=t", Duration.ofMinutes(10), Duration.ofMinutes(10),
                NOW);

        assertThat(email.subject()).isEqualTo("4821 est votre code de connexion Café Lumière");
        assertThat(email.text()).contains("Bonjour Camille Martin,", "Votre code de connexion pour Café Lumière",
                "expirent dans 10 minutes (à 19:55", "Des questions ? Écrivez à aide@lumiere.example.");
        assertThat(email.html()).contains("<html lang=\"fr\">", "content=\"light dark\"",
                "<img src=\"https://lumiere.example/logo.png\" alt=\"Café Lumière\"", "background:#9a3412",
                "Se connecter à Café Lumière");
        EmailMessage sent = email.sentBy(lumiere);
        assertThat(sent.fromName()).isEqualTo("Café Lumière");
        assertThat(sent.replyTo()).isEqualTo("aide@lumiere.example");
    }

    @Test
    void theSmsEndsWithTheOriginBoundLineOfTheStoresPortal() {
        SmsMessage sms = LoginMessages.codeSms(lumiere, camille, "fr", PhoneNumber.fromE164("+33612345678")
                .orElseThrow(), code, Duration.ofMinutes(10));

        assertThat(sms.text()).startsWith("4821 est votre code de connexion Café Lumière. Il expire dans 10 minutes.")
                .endsWith("\n\n@portal.lumiere.example #4821");
    }

    @Test
    void pluralsAndDatesFollowTheLanguage() {
        assertThat(LoginMessages.duration(Duration.ofSeconds(1), "de")).isEqualTo("1 Sekunde");
        assertThat(LoginMessages.duration(Duration.ofMinutes(2), "de")).isEqualTo("2 Minuten");
        assertThat(LoginMessages.duration(Duration.ofHours(24), "de")).isEqualTo("24 Stunden");
        assertThat(LoginMessages.duration(Duration.ofSeconds(1), "fr")).isEqualTo("1 seconde");
        assertThat(LoginMessages.duration(Duration.ofMinutes(10), "es")).isEqualTo("10 minutos");
        SmsMessage paused = LoginMessages.codeLoginPausedSms(lumiere, camille, "de",
                PhoneNumber.fromE164("+33612345678").orElseThrow(), NOW.plus(Duration.ofHours(24)));
        assertThat(paused.text()).contains("bis 01.12.2026, 19:45");
    }

    @Test
    void aStoreWithoutABrandReadsAsBeforeInEnglishAndUtc() {
        Customer nameless = new Customer("plain", "c-2", "x@example.com", null, null, null, false, null);

        EmailMessage email = LoginMessages.codeAndLink(plain, nameless, "en", EmailAddress.parse("x@example.com")
                .orElseThrow(), code, "https://portal.plain.example/login/magic?token=t", Duration.ofMinutes(10),
                Duration.ofMinutes(10), NOW);

        assertThat(email.subject()).isEqualTo("4821 is your Plain Store login code");
        assertThat(email.text()).startsWith("Hello,").contains("expire in 10 minutes (at 6:55", "UTC)")
                .doesNotContain("Questions?");
        assertThat(email.html()).contains("<h2", "Plain Store", "#1a56db").doesNotContain("<img");
        assertThat(email.sentBy(plain).fromName()).isNull();
    }

    @Test
    void theCustomersOwnLanguageWinsThenHerBrowsersAmongTheStoresThenTheStoresFirst() {
        Brand brand = lumiere.brand();

        assertThat(Language.choose("en", "de-DE,fr;q=0.8", brand)).isEqualTo("en");
        assertThat(Language.choose(null, "de-DE,en-GB;q=0.8,fr;q=0.5", brand)).isEqualTo("en");
        assertThat(Language.choose("de", "es", brand)).as("German is not among the store's").isEqualTo("fr");
        assertThat(Language.choose(null, "not a header ;;;", brand)).isEqualTo("fr");
    }
}
