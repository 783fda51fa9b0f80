package dev.portallogin.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.port.DeliveryRecords;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link DeliveryRecords} does, run against the in-memory one and the DynamoDB one on the emulator. */
public abstract class DeliveryRecordsContract {

    private final Ports ports;

    protected DeliveryRecordsContract(Ports ports) {
        this.ports = ports;
    }

    @Test
    void aMessageIsClaimedOnceUntilItsClaimIsGivenBack() {
        String messageId = UUID.randomUUID().toString();
        Instant keepUntil = Instant.now().plusSeconds(3600);

        assertThat(ports.deliveryRecords().claim(messageId, keepUntil)).isTrue();
        assertThat(ports.deliveryRecords().claim(messageId, keepUntil)).isFalse();
        ports.deliveryRecords().release(messageId);

        assertThat(ports.deliveryRecords().claim(messageId, keepUntil)).isTrue();
        assertThat(ports.deliveryRecords().claim(UUID.randomUUID().toString(), keepUntil)).isTrue();
    }
}
