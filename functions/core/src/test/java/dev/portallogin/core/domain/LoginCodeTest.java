package dev.portallogin.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginCodeTest {

    private static final byte[] KEY = "test-key-0123456789".getBytes(StandardCharsets.UTF_8);

    @Test
    void codesHaveTheConfiguredNumberOfDigits() {
        for (int length = 4; length <= 8; length++) {
            assertThat(LoginCode.generate(length).digits()).hasSize(length).containsOnlyDigits();
        }
    }

    @Test
    void lengthsOutsideFourToEightAreRefused() {
        assertThatThrownBy(() -> LoginCode.generate(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoginCode.generate(9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void digitsAreSpreadUniformly() {
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            for (char digit : LoginCode.generate(4).digits().toCharArray()) {
                counts.merge(digit, 1, Integer::sum);
            }
        }
        // 80,000 digits: each of the ten expected 8,000 times; 5 sigma is about 425.
        assertThat(counts).hasSize(10);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(7_500, 8_500));
    }

    @Test
    void theHmacMatchesOnlyTheSameCodeForTheSameCustomerAndIssue() {
        LoginCode code = LoginCode.parse("1234", 4).orElseThrow();
        byte[] stored = code.hmac(KEY, "acme", "cus-1", "issue-1");

        assertThat(code.matches(stored, KEY, "acme", "cus-1", "issue-1")).isTrue();
        assertThat(LoginCode.parse("1235", 4).orElseThrow().matches(stored, KEY, "acme", "cus-1", "issue-1")).isFalse();
        assertThat(code.matches(stored, KEY, "acme", "cus-2", "issue-1")).isFalse();
        assertThat(code.matches(stored, KEY, "other", "cus-1", "issue-1")).isFalse();
        assertThat(code.matches(stored, KEY, "acme", "cus-1", "issue-2")).isFalse();
        assertThat(code.matches(stored, "other-key".getBytes(StandardCharsets.UTF_8), "acme", "cus-1", "issue-1"))
                .isFalse();
    }

    @Test
    void onlyExactlyTheConfiguredDigitsParse() {
        assertThat(LoginCode.parse(" 1234 ", 4)).isPresent();
        assertThat(LoginCode.parse("123", 4)).isEmpty();
        assertThat(LoginCode.parse("12345", 4)).isEmpty();
        assertThat(LoginCode.parse("12a4", 4)).isEmpty();
        assertThat(LoginCode.parse("١٢٣٤", 4)).as("non-ASCII digits").isEmpty();
        assertThat(LoginCode.parse(null, 4)).isEmpty();
    }

    @Test
    void theCodeNeverShowsInItsStringForm() {
        assertThat(LoginCode.parse("1234", 4).orElseThrow().toString()).doesNotContain("1234");
    }
}
