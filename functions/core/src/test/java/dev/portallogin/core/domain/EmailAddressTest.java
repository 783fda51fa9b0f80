package dev.portallogin.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void normalFormIsTrimmedWithTheDomainLowerCased() {
        assertThat(EmailAddress.parse("  Jane.Doe@Example.COM ")).map(EmailAddress::value)
                .contains("Jane.Doe@example.com");
    }

    @Test
    void addressesDifferingOnlyInCaseAreTheSameCustomer() {
        assertThat(EmailAddress.parse("JANE@example.com")).isEqualTo(EmailAddress.parse("jane@EXAMPLE.com"));
        assertThat(EmailAddress.parse("JANE@example.com").orElseThrow().lookupKey()).isEqualTo("jane@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "jane", "jane@", "@example.com", "jane doe@example.com", "jane@example",
            "jane@@example.com", "first@last@example.com", "jane@exa mple.com", "jane@exam\nple.com",
            "ja\u0000ne@example.com", "jane(comment)@example.com", "\"quoted\"@example.com",
            "Jane <jane@example.com>", "jane@[127.0.0.1]", "jane@example..com", ".jane@example.com"})
    void addressesAMailSystemWouldRefuseAreInvalid(String raw) {
        assertThat(EmailAddress.parse(raw)).isEmpty();
    }

    @Test
    void anAddressOver254CharactersIsInvalid() {
        String local = "a".repeat(64);
        String domain = ("b".repeat(60) + ".").repeat(3) + "c".repeat(10) + ".com";
        assertThat((local + "@" + domain).length()).isGreaterThan(254);
        assertThat(EmailAddress.parse(local + "@" + domain)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane+portal@example.com", "o'brien@example.co.uk", "j@example.io",
            "first.last@sub.example.org"})
    void ordinaryAddressesAreValid(String raw) {
        assertThat(EmailAddress.parse(raw)).isPresent();
    }

    @Test
    void maskedFormShowsOnlyTheFirstLetterAndDomain() {
        EmailAddress email = EmailAddress.parse("jane@example.com").orElseThrow();
        assertThat(email.masked()).isEqualTo("j***@example.com");
        assertThat(email.toString()).isEqualTo("j***@example.com");
    }
}
