package dev.portallogin.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MagicLinkTokenTest {

    @Test
    void tokensAre256BitBase64UrlAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String value = MagicLinkToken.generate().value();
            assertThat(value).matches("[A-Za-z0-9_-]{43}");
            assertThat(seen.add(value)).isTrue();
        }
    }

    @Test
    void aGeneratedTokenParsesBackAndHashesStably() {
        MagicLinkToken token = MagicLinkToken.generate();
        MagicLinkToken parsed = MagicLinkToken.parse(token.value()).orElseThrow();
        assertThat(parsed.hash()).isEqualTo(token.hash()).isNotEqualTo(token.value()).matches("[A-Za-z0-9_-]{43}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/A", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA ",
            "../../../../../../../../../../../etc/passwd"})
    void paddingOtherAlphabetsAndNonCanonicalSpellingsAreRefused(String raw) {
        assertThat(MagicLinkToken.parse(raw)).isEmpty();
    }

    @Test
    void theTokenNeverShowsInItsStringForm() {
        MagicLinkToken token = MagicLinkToken.generate();
        assertThat(token.toString()).doesNotContain(token.value());
        SessionToken session = SessionToken.generate();
        assertThat(session.toString()).doesNotContain(session.value());
    }
}
