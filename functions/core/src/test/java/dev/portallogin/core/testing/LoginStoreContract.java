package dev.portallogin.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.LoginCode;
import dev.portallogin.core.domain.MagicLinkToken;
import dev.portallogin.core.domain.RecordId;
import dev.portallogin.core.domain.Session;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.port.LoginStore;
import dev.portallogin.core.port.LoginStore.StoredCode;
import dev.portallogin.core.port.LoginStore.StoredLink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LoginStore} does, run against the in-memory one and the DynamoDB one on the emulator: codes and
 * links are spent once, a newer login replaces an older one, a revoke cuts off what was issued before it, and a
 * sign-in leaves a session and an audit entry or nothing.
 */
public abstract class LoginStoreContract {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final byte[] KEY = "contract-code-key".getBytes(StandardCharsets.UTF_8);

    private final Ports ports;

    protected LoginStoreContract(Ports ports) {
        this.ports = ports;
    }

    private Store store;
    private Customer jane;

    @BeforeEach
    void storeAndCustomer() {
        String id = "ls-" + UUID.randomUUID().toString().substring(0, 8);
        store = new Store(id, "Store " + id, "https://portal." + id + ".example", "login@" + id + ".example", "US",
                Set.of("US"));
        jane = new Customer(id, "c-1", "jane@example.com", null, "Jane", "Doe", false, null);
        ports.load(List.of(store), List.of(jane), List.of());
    }

    private record Issued(StoredCode code, StoredLink link, LoginCode digits) {
    }

    private Issued issue(Instant at) {
        LoginCode digits = LoginCode.generate(4);
        String codeId = UUID.randomUUID().toString();
        StoredCode code = new StoredCode(store.storeId(), jane.customerId(), codeId,
                digits.hmac(KEY, store.storeId(), jane.customerId(), codeId), at, at.plus(LIFETIME), 0);
        StoredLink link = new StoredLink(MagicLinkToken.generate().hash(), store.storeId(), jane.customerId(),
                "customer", at, at.plus(LIFETIME), "j***@example.com", "browser-hash");
        ports.logins().issueCustomerLogin(code, link);
        return new Issued(code, link, digits);
    }

    private StoredLink agentLink(Instant at) {
        StoredLink link = new StoredLink(MagicLinkToken.generate().hash(), store.storeId(), jane.customerId(),
                "agent", at, at.plus(LIFETIME), null, null);
        ports.logins().issueAgentLink(link, new AuditEntry(store.storeId(), jane.customerId(),
                "magic_link_generated", Actor.trustedBackend("agent-1"), at, Map.of()));
        return link;
    }

    private Session session(String method, Instant at) {
        return Session.start(store.storeId(), jane.customerId(), method, at, Duration.ofHours(12));
    }

    private AuditEntry signIn(String method, Instant at) {
        return new AuditEntry(store.storeId(), jane.customerId(), "signed_in", Actor.customer(), at,
                Map.of("method", method));
    }

    @Test
    void aCodeIsCountedBeforeComparingAndStopsAfterTheMaximum() {
        Issued issued = issue(NOW);

        for (int attempt = 1; attempt <= 5; attempt++) {
            StoredCode counted = ports.logins().countCodeAttempt(store.storeId(), jane.customerId(), 5, NOW)
                    .orElseThrow();
            assertThat(counted.attempts()).isEqualTo(attempt);
            assertThat(issued.digits().matches(counted.hmac(), KEY, store.storeId(), jane.customerId(),
                    counted.codeId())).isTrue();
        }
        assertThat(ports.logins().countCodeAttempt(store.storeId(), jane.customerId(), 5, NOW)).isEmpty();
    }

    @Test
    void attemptsWhereThereIsNoCodeFindNoneAndLeaveTheNextCodeAllItsTries() {
        for (int attempt = 0; attempt < 7; attempt++) {
            assertThat(ports.logins().countCodeAttempt(store.storeId(), jane.customerId(), 5, NOW)).isEmpty();
            assertThat(ports.logins().countCodeAttempt(store.storeId(), RecordId.NOBODY, 5, NOW)).isEmpty();
        }

        issue(NOW);

        assertThat(ports.logins().countCodeAttempt(store.storeId(), jane.customerId(), 5, NOW).orElseThrow()
                .attempts()).isEqualTo(1);
    }

    @Test
    void anExhaustedCodeStaysRefusedHoweverManyMoreAttemptsAreMade() {
        issue(NOW);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(ports.logins().countCodeAttempt(store.storeId(), jane.customerId(), 5, NOW)).isPresent();
        }

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(ports.logins().countCodeAttempt(store.storeId(), jane.customerId(), 5, NOW)).isEmpty();
        }
    }

    @Test
    void anExpiredCodeCannotBeTriedEvenBeforeTtlRemovesIt() {
        issue(NOW);

        assertThat(ports.logins().countCodeAttempt(store.storeId(), jane.customerId(), 5, NOW.plus(LIFETIME)))
                .isEmpty();
    }

    @Test
    void aCodeSignsInOnceWithASessionAndAnAuditEntry() {
        issue(NOW);
        StoredCode counted = ports.logins().countCodeAttempt(store.storeId(), jane.customerId(), 5, NOW)
                .orElseThrow();
        Session first = session("code", NOW);

        assertThat(ports.logins().consumeCode(counted, first, signIn("code", NOW))).isTrue();
        assertThat(ports.logins().consumeCode(counted, session("code", NOW), signIn("code", NOW))).isFalse();

        assertThat(ports.logins().findSession(first.token().hash())).hasValueSatisfying(stored -> {
            assertThat(stored.customerId()).isEqualTo(jane.customerId());
            assertThat(stored.method()).isEqualTo("code");
            assertThat(stored.expiresAt()).isEqualTo(first.expiresAt());
        });
        assertThat(ports.logins().countCodeAttempt(store.storeId(), jane.customerId(), 5, NOW)).isEmpty();
        assertThat(ports.auditLog().list(store.storeId(), jane.customerId(), 10)).extracting(AuditEntry::action)
                .containsExactly("signed_in");
    }

    @Test
    void aNewLoginReplacesTheEarlierCodeAndLink() {
        Issued first = issue(NOW);
        StoredCode firstCode = ports.logins().countCodeAttempt(store.storeId(), jane.customerId(), 5, NOW)
                .orElseThrow();
        Issued second = issue(NOW.plusSeconds(60));

        assertThat(ports.logins().currentCustomerLinkHash(store.storeId(), jane.customerId()))
                .contains(second.link().tokenHash());
        assertThat(ports.logins().consumeCode(firstCode, session("code", NOW), signIn("code", NOW))).isFalse();
        assertThat(ports.logins().consumeLink(first.link(), session("link", NOW), NOW.plusSeconds(61),
                signIn("link", NOW))).isFalse();
        assertThat(ports.logins().findLink(first.link().tokenHash())).hasValueSatisfying(link ->
                assertThat(link.usedAt()).isNull());
    }

    @Test
    void aLinkSignsInOnceAndEndsItsCodeAndIsRememberedAsUsed() {
        Issued issued = issue(NOW);
        Instant opened = NOW.plusSeconds(30);

        assertThat(ports.logins().consumeLink(issued.link(), session("link", opened), opened, signIn("link", opened)))
                .isTrue();
        assertThat(ports.logins().consumeLink(issued.link(), session("link", opened), opened, signIn("link", opened)))
                .isFalse();

        assertThat(ports.logins().findLink(issued.link().tokenHash())).hasValueSatisfying(link -> {
            assertThat(link.usedAt()).isEqualTo(opened);
            assertThat(link.sentTo()).isEqualTo("j***@example.com");
            assertThat(link.browserHash()).isEqualTo("browser-hash");
        });
        assertThat(ports.logins().countCodeAttempt(store.storeId(), jane.customerId(), 5, opened)).isEmpty();
        assertThat(ports.logins().currentCustomerLinkHash(store.storeId(), jane.customerId())).isEmpty();
    }

    @Test
    void anExpiredLinkCannotSignIn() {
        Issued issued = issue(NOW);

        assertThat(ports.logins().consumeLink(issued.link(), session("link", NOW), NOW.plus(LIFETIME),
                signIn("link", NOW))).isFalse();
    }

    @Test
    void anAgentLinkLivesBesideTheCustomersOwnLogin() {
        StoredLink agent = agentLink(NOW);
        Issued issued = issue(NOW.plusSeconds(1));

        assertThat(ports.logins().consumeLink(agent, session("agent-link", NOW), NOW.plusSeconds(2),
                signIn("agent-link", NOW))).isTrue();
        assertThat(ports.logins().consumeLink(issued.link(), session("link", NOW), NOW.plusSeconds(3),
                signIn("link", NOW))).isTrue();
    }

    @Test
    void aRevokeCutsOffCodesAndLinksIssuedBeforeIt() {
        Issued issued = issue(NOW);
        StoredLink agent = agentLink(NOW);
        StoredCode counted = ports.logins().countCodeAttempt(store.storeId(), jane.customerId(), 5, NOW)
                .orElseThrow();
        ports.accounts().revokeCredentials(store.storeId(), jane.customerId(), NOW.plusSeconds(1),
                new AuditEntry(store.storeId(), jane.customerId(), "credentials_revoked", Actor.trustedBackend("t"),
                        NOW.plusSeconds(1), Map.of()));

        assertThat(ports.logins().consumeCode(counted, session("code", NOW), signIn("code", NOW))).isFalse();
        assertThat(ports.logins().consumeLink(issued.link(), session("link", NOW), NOW.plusSeconds(2),
                signIn("link", NOW))).isFalse();
        assertThat(ports.logins().consumeLink(agent, session("agent-link", NOW), NOW.plusSeconds(2),
                signIn("agent-link", NOW))).isFalse();
        assertThat(ports.auditLog().list(store.storeId(), jane.customerId(), 10)).extracting(AuditEntry::action)
                .as("no sign-in, and the agent's link came with its entry")
                .containsExactly("credentials_revoked", "magic_link_generated");
    }

    @Test
    void aSignInClearsTheCountOfWrongCodes() {
        ports.codeGuesses().countCodeGuess(store.storeId(), jane.customerId(), 20, Duration.ofHours(24), NOW);
        Issued issued = issue(NOW);

        ports.logins().consumeLink(issued.link(), session("link", NOW), NOW, signIn("link", NOW));

        assertThat(ports.customers().findCustomer(store.storeId(), jane.customerId()).orElseThrow()
                .consecutiveCodeFailures()).isZero();
    }

    @Test
    void aDeletedSessionIsGone() {
        Issued issued = issue(NOW);
        Session session = session("link", NOW);
        ports.logins().consumeLink(issued.link(), session, NOW, signIn("link", NOW));

        ports.logins().deleteSession(session.token().hash());

        assertThat(ports.logins().findSession(session.token().hash())).isEmpty();
    }
}
