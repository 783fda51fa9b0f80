package dev.portallogin.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.PrincipalArn;
import dev.portallogin.core.domain.RecordId;
import dev.portallogin.core.port.AuditLog;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} does, run against the in-memory one and the DynamoDB one on the emulator. */
public abstract class AuditLogContract {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final Ports ports;

    protected AuditLogContract(Ports ports) {
        this.ports = ports;
    }

    private final String storeId = "al-" + UUID.randomUUID().toString().substring(0, 8);

    private AuditEntry entry(String customerId, String action, int minutesLater) {
        return new AuditEntry(storeId, customerId, action, Actor.agent(PrincipalArn.parse(
                "arn:aws:sts::123456789012:assumed-role/PortalSupport/alice").orElseThrow(), "agent-1"),
                NOW.plusSeconds(60L * minutesLater), Map.of("note", action));
    }

    @Test
    void aCustomersTrailListsTheirEntriesNewestFirstUpToTheLimit() {
        ports.auditLog().record(entry("c-1", "magic_link_generated", 0));
        ports.auditLog().record(entry("c-2", "credentials_revoked", 1));
        ports.auditLog().record(entry("c-1", "email_changed", 2));
        ports.auditLog().record(entry("c-1", "signed_in", 3));

        assertThat(ports.auditLog().list(storeId, "c-1", 2)).extracting(AuditEntry::action)
                .containsExactly("signed_in", "email_changed");
        assertThat(ports.auditLog().list(storeId, "c-1", 10)).hasSize(3);
        assertThat(ports.auditLog().list("other-" + storeId, "c-1", 10)).isEmpty();
    }

    @Test
    void anEntryRecordedAsideIsInNoCustomersTrail() {
        ports.auditLog().recordAside(entry("c-1", "code_refused", 0));
        ports.auditLog().recordAside(entry(RecordId.NOBODY, "code_refused", 1));

        assertThat(ports.auditLog().list(storeId, "c-1", 10)).isEmpty();
    }

    @Test
    void anEntryKeepsTheCallerAndItsDetails() {
        ports.auditLog().record(entry("c-1", "credentials_revoked", 0));

        AuditEntry stored = ports.auditLog().list(storeId, "c-1", 1).get(0);
        assertThat(stored.actor().type()).isEqualTo(Actor.AGENT);
        assertThat(stored.actor().principal()).isEqualTo("arn:aws:iam::123456789012:role/PortalSupport");
        assertThat(stored.actor().session()).isEqualTo("alice");
        assertThat(stored.actor().label()).isEqualTo("agent-1");
        assertThat(stored.at()).isEqualTo(NOW);
        assertThat(stored.details()).containsEntry("note", "credentials_revoked");
    }
}
