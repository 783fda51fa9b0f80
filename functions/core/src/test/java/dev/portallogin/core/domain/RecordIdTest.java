package dev.portallogin.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordIdTest {

    @Test
    void theIdThatStandsInForNobodyIsNoIdAnyRecordOrRequestCanHave() {
        assertThat(RecordId.isWellFormed(RecordId.NOBODY)).isFalse();
        assertThat(RecordId.isWellFormed("c-1")).isTrue();
    }
}
