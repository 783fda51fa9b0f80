package dev.portallogin.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"(201) 555-0123", "201-555-0123", "201.555.0123", "+1 201 555 0123", "12015550123",
            "+1 (201) 555-0123"})
    void commonFormatsNormaliseToE164WithTheStoreCountry(String raw) {
        assertThat(PhoneNumber.parse(raw, "US")).map(PhoneNumber::e164).contains("+12015550123");
    }

    @Test
    void aNumberWithCountryPrefixKeepsItsOwnCountry() {
        PhoneNumber uk = PhoneNumber.parse("+44 7400 123456", "US").orElseThrow();
        assertThat(uk.e164()).isEqualTo("+447400123456");
        assertThat(uk.regionCode()).isEqualTo("GB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12", "555", "not a phone", "+1 555", "+999 1234567", "2015550123999999"})
    void invalidNumbersAreRefused(String raw) {
        assertThat(PhoneNumber.parse(raw, "US")).isEmpty();
    }

    @Test
    void maskedFormKeepsCountryCodeAndLastFourDigits() {
        assertThat(PhoneNumber.parse("+15555550100", "US").or(() -> PhoneNumber.parse("+12015550100", "US"))
                .orElseThrow().masked()).matches("\\+1\\*{6}0100");
    }
}
