package dev.portallogin.core.testing.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriesTest {

    @Test
    void aFailingTryNamesItsSeedItsNumberAndItsInput() {
        Gen<String> digits = Gen.strings("0123456789", 1, 6);
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> Tries.tries(500, digits, input -> {
            seen.add(input);
            assertThat(input).doesNotContain("7");
        })).isInstanceOf(AssertionError.class)
                .hasMessageContaining("of 500 failed (seed " + Tries.DEFAULT_SEED + "; replay with -Dtries.seed="
                        + Tries.DEFAULT_SEED + ")")
                .hasMessageContaining("try " + seen.size() + " ")
                .hasMessageContaining("input: \"" + seen.get(seen.size() - 1) + "\"");
    }

    @Test
    void theSameSeedDrawsTheSameInputs() {
        Gen<Object> any = dev.portallogin.core.testing.BadInput.values();
        List<Object> first = new ArrayList<>();
        List<Object> second = new ArrayList<>();
        Tries.tries(200, any, first::add);
        Tries.tries(200, any, second::add);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void invisibleCharactersAreShownEscaped() {
        assertThat(Inputs.describe("a\u0000\u202Eb\"")).isEqualTo("\"a\\u0000\\u202Eb\\\"\"");
        assertThat(Inputs.describe("x".repeat(1000))).endsWith("… (1000 chars)");
    }
}
