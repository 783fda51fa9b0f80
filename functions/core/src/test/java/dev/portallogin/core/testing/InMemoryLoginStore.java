package dev.portallogin.core.testing;

import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Session;
import dev.portallogin.core.port.LoginStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link LoginStore} in memory. Each spending step is atomic, like the DynamoDB transaction: the code or link, the
 * customer's revocation check (in the {@link InMemoryCustomerDirectory}), the new session and the audit entry, all
 * or nothing.
 */
public final class InMemoryLoginStore implements LoginStore {

    /** What {@code login#<store>#<customer>} holds: the live code and the current customer link's hash. */
    private record Login(StoredCode code, String linkHash) {
    }

    private final InMemoryCustomerDirectory directory;
    private final InMemoryAuditLog audit;
    private final Map<String, Login> logins = new HashMap<>();
    private final Map<String, StoredLink> links = new HashMap<>();
    private final Map<String, StoredSession> sessions = new HashMap<>();

    public InMemoryLoginStore(InMemoryCustomerDirectory directory, InMemoryAuditLog audit) {
        this.directory = directory;
        this.audit = audit;
    }

    private static String key(String storeId, String customerId) {
        return storeId + "/" + customerId;
    }

    @Override
    public synchronized void issueCustomerLogin(StoredCode code, StoredLink link) {
        if (links.containsKey(link.tokenHash())) {
            throw new IllegalStateException("a 256-bit link hash collided");
        }
        logins.put(key(code.storeId(), code.customerId()), new Login(code, link.tokenHash()));
        links.put(link.tokenHash(), link);
    }

    @Override
    public synchronized void issueAgentLink(StoredLink link, AuditEntry entry) {
        if (links.putIfAbsent(link.tokenHash(), link) != null) {
            throw new IllegalStateException("a 256-bit link hash collided");
        }
        audit.record(entry);
    }

    @Override
    public synchronized Optional<StoredCode> countCodeAttempt(String storeId, String customerId, int maxAttempts,
                                                              Instant now) {
        Login login = logins.get(key(storeId, customerId));
        if (login == null || login.code() == null || login.code().attempts() >= maxAttempts
                || !now.isBefore(login.code().expiresAt())) {
            return Optional.empty();
        }
        StoredCode code = login.code();
        StoredCode counted = new StoredCode(code.storeId(), code.customerId(), code.codeId(), code.hmac(),
                code.issuedAt(), code.expiresAt(), code.attempts() + 1);
        logins.put(key(storeId, customerId), new Login(counted, login.linkHash()));
        return Optional.of(counted);
    }

    @Override
    public synchronized boolean consumeCode(StoredCode code, Session session, AuditEntry signIn) {
        Login login = logins.get(key(code.storeId(), code.customerId()));
        if (login == null || login.code() == null || !login.code().codeId().equals(code.codeId())
                || sessions.containsKey(session.token().hash())
                || !directory.signInIfNotRevokedSince(code.storeId(), code.customerId(), code.issuedAt(),
                session.language())) {
            return false;
        }
        logins.put(key(code.storeId(), code.customerId()), new Login(null, null));
        startSession(session, signIn);
        return true;
    }

    @Override
    public synchronized Optional<StoredLink> findLink(String tokenHash) {
        return Optional.ofNullable(links.get(tokenHash));
    }

    @Override
    public synchronized Optional<String> currentCustomerLinkHash(String storeId, String customerId) {
        return Optional.ofNullable(logins.get(key(storeId, customerId))).map(Login::linkHash);
    }

    @Override
    public synchronized boolean consumeLink(StoredLink link, Session session, Instant now, AuditEntry signIn) {
        StoredLink stored = links.get(link.tokenHash());
        if (stored == null || stored.usedAt() != null || !now.isBefore(stored.expiresAt())) {
            return false;
        }
        if (!link.isAgentLink() && !currentCustomerLinkHash(link.storeId(), link.customerId())
                .filter(link.tokenHash()::equals).isPresent()) {
            return false;
        }
        if (sessions.containsKey(session.token().hash())
                || !directory.signInIfNotRevokedSince(link.storeId(), link.customerId(), link.issuedAt(),
                session.language())) {
            return false;
        }
        links.put(link.tokenHash(), new StoredLink(stored.tokenHash(), stored.storeId(), stored.customerId(),
                stored.source(), stored.issuedAt(), stored.expiresAt(), stored.sentTo(), stored.browserHash(), now));
        if (!link.isAgentLink()) {
            logins.put(key(link.storeId(), link.customerId()), new Login(null, null));
        }
        startSession(session, signIn);
        return true;
    }

    private void startSession(Session session, AuditEntry signIn) {
        sessions.put(session.token().hash(), new StoredSession(session.storeId(), session.customerId(),
                session.method(), session.createdAt(), session.expiresAt()));
        audit.record(signIn);
    }

    @Override
    public synchronized Optional<StoredSession> findSession(String tokenHash) {
        return Optional.ofNullable(sessions.get(tokenHash));
    }

    @Override
    public synchronized void deleteSession(String tokenHash) {
        sessions.remove(tokenHash);
    }
}
