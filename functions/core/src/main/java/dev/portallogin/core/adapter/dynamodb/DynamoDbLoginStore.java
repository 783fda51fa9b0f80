package dev.portallogin.core.adapter.dynamodb;

import static dev.portallogin.core.adapter.dynamodb.Attributes.b;
import static dev.portallogin.core.adapter.dynamodb.Attributes.epochMillis;
import static dev.portallogin.core.adapter.dynamodb.Attributes.epochSeconds;
import static dev.portallogin.core.adapter.dynamodb.Attributes.n;
import static dev.portallogin.core.adapter.dynamodb.Attributes.s;

import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Session;
import dev.portallogin.core.port.LoginStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link LoginStore} on the login table ({@link LoginItems}). Spending a secret, starting the session and recording
 * the sign-in in the audit table is one transaction that also checks the customer's revocation time in the
 * directory table, so a code or link issued before an email change or a revoke can never start a session, and a
 * failure half-way leaves nothing behind.
 */
public record DynamoDbLoginStore(DynamoDbClient dynamoDb, String table, String directoryTable, String auditTable)
        implements LoginStore {

    /** How long an item made only by counting attempts where there is no code is kept. */
    private static final Duration NO_CODE_KEPT = Duration.ofHours(1);
    private static final String CODE_ATTRIBUTES = "REMOVE " + LoginItems.CODE_ID + ", " + LoginItems.CODE_HMAC
            + ", " + LoginItems.ATTEMPTS + ", " + LoginItems.LINK_HASH;

    @Override
    public void issueCustomerLogin(StoredCode code, StoredLink link) {
        // One update replaces the previous code and link hash wholesale: the old code stops counting and the old
        // link fails the "linkHash = :hash" check when someone tries to spend it.
        Update login = Update.builder()
                .tableName(table)
                .key(LoginItems.loginKey(code.storeId(), code.customerId()))
                .updateExpression("SET #store = :store, #customer = :customer, #codeId = :codeId, #hmac = :hmac, "
                        + "#attempts = :zero, #issuedAt = :issuedAt, #expiresAt = :expiresAt, #linkHash = :linkHash")
                .expressionAttributeNames(Map.of("#store", LoginItems.STORE_ID, "#customer", LoginItems.CUSTOMER_ID,
                        "#codeId", LoginItems.CODE_ID, "#hmac", LoginItems.CODE_HMAC, "#attempts", LoginItems.ATTEMPTS,
                        "#issuedAt", LoginItems.ISSUED_AT, "#expiresAt", LoginItems.EXPIRES_AT,
                        "#linkHash", LoginItems.LINK_HASH))
                .expressionAttributeValues(Map.of(":store", s(code.storeId()), ":customer", s(code.customerId()),
                        ":codeId", s(code.codeId()), ":hmac", b(code.hmac()), ":zero", n(0),
                        ":issuedAt", epochMillis(code.issuedAt()), ":expiresAt", epochSeconds(code.expiresAt()),
                        ":linkHash", s(link.tokenHash())))
                .build();
        Transaction.Outcome outcome = new Transaction()
                .update(null, login)
                .put("new link", newLink(link))
                .commit(dynamoDb);
        if (!outcome.committed()) {
            throw new IllegalStateException("a 256-bit link hash collided or a parallel request conflicted");
        }
    }

    @Override
    public void issueAgentLink(StoredLink link, AuditEntry audit) {
        Transaction.Outcome outcome = new Transaction()
                .put("new link", newLink(link))
                .put(null, AuditItems.put(auditTable, audit))
                .commit(dynamoDb);
        if (!outcome.committed()) {
            throw new IllegalStateException("a 256-bit link hash collided");
        }
    }

    @Override
    public Optional<StoredCode> countCodeAttempt(String storeId, String customerId, int maxAttempts, Instant now) {
        // One write that succeeds whether or not there is a live code to count against (a refused write answers
        // sooner than one that writes, which would tell a stranger who has a code). Each of any number of parallel
        // attempts gets a count of its own, so no more than maxAttempts of them are ever compared. An item this
        // creates (no code there) is gone within the hour; issuing a code sets every field of its own.
        var response = dynamoDb.updateItem(request -> request
                .tableName(table)
                .key(LoginItems.loginKey(storeId, customerId))
                .updateExpression("ADD #attempts :one SET #expiresAt = if_not_exists(#expiresAt, :soon)")
                .expressionAttributeNames(Map.of("#attempts", LoginItems.ATTEMPTS,
                        "#expiresAt", LoginItems.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":one", n(1), ":soon", epochSeconds(now.plus(NO_CODE_KEPT))))
                .returnValues(ReturnValue.ALL_NEW));
        if (!response.attributes().containsKey(LoginItems.CODE_HMAC)) {
            return Optional.empty();
        }
        StoredCode counted = LoginItems.code(response.attributes());
        boolean live = counted.attempts() <= maxAttempts
                && now.getEpochSecond() < counted.expiresAt().getEpochSecond();
        return live ? Optional.of(counted) : Optional.empty();
    }

    @Override
    public boolean consumeCode(StoredCode code, Session session, AuditEntry signIn) {
        Update spendCode = Update.builder()
                .tableName(table)
                .key(LoginItems.loginKey(code.storeId(), code.customerId()))
                .updateExpression(CODE_ATTRIBUTES)
                .conditionExpression("#codeId = :codeId")
                .expressionAttributeNames(Map.of("#codeId", LoginItems.CODE_ID))
                .expressionAttributeValues(Map.of(":codeId", s(code.codeId())))
                .build();
        return signIn(new Transaction().update("code unspent", spendCode), code.storeId(), code.customerId(),
                code.issuedAt(), session, signIn);
    }

    @Override
    public Optional<StoredLink> findLink(String tokenHash) {
        return Reads.get(dynamoDb, table, LoginItems.linkKey(tokenHash)).map(item -> LoginItems.link(tokenHash, item));
    }

    @Override
    public Optional<String> currentCustomerLinkHash(String storeId, String customerId) {
        return Reads.get(dynamoDb, table, LoginItems.loginKey(storeId, customerId))
                .map(item -> Attributes.string(item, LoginItems.LINK_HASH));
    }

    @Override
    public boolean consumeLink(StoredLink link, Session session, Instant now, AuditEntry signIn) {
        Transaction transaction = new Transaction().update("link unused and unexpired", Update.builder()
                .tableName(table)
                .key(LoginItems.linkKey(link.tokenHash()))
                .updateExpression("SET #usedAt = :nowMillis")
                .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#usedAt) AND #expiresAt > :now")
                .expressionAttributeNames(Map.of("#pk", LoginItems.PK, "#usedAt", LoginItems.USED_AT,
                        "#expiresAt", LoginItems.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":now", epochSeconds(now), ":nowMillis", epochMillis(now)))
                .build());
        if (!link.isAgentLink()) {
            // The link and the code came in one email: using either ends both. A newer request moved linkHash on,
            // which makes this link a replaced one.
            transaction.update("link not replaced", Update.builder()
                    .tableName(table)
                    .key(LoginItems.loginKey(link.storeId(), link.customerId()))
                    .updateExpression(CODE_ATTRIBUTES)
                    .conditionExpression("#linkHash = :linkHash")
                    .expressionAttributeNames(Map.of("#linkHash", LoginItems.LINK_HASH))
                    .expressionAttributeValues(Map.of(":linkHash", s(link.tokenHash())))
                    .build());
        }
        return signIn(transaction, link.storeId(), link.customerId(), link.issuedAt(), session, signIn);
    }

    /**
     * Completes a sign-in transaction: the customer still exists and nothing was revoked after {@code issuedAt}
     * (the sign-in then clears the count of wrong codes, which lifts a lock of code sign-in), the new session, and
     * the sign-in entry in the customer's trail. False when any condition failed or a parallel attempt got there
     * first.
     */
    private boolean signIn(Transaction transaction, String storeId, String customerId, Instant issuedAt,
                           Session session, AuditEntry signIn) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", DirectoryItems.PK,
                "#revokedAt", DirectoryItems.CREDENTIALS_REVOKED_AT,
                "#failures", DirectoryItems.CONSECUTIVE_CODE_FAILURES,
                "#failedAt", DirectoryItems.LAST_CODE_FAILURE_AT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":issuedAt", epochMillis(issuedAt), ":zero", n(0)));
        String set = "SET #failures = :zero";
        if (session.language() != null) {
            // The browser she signed in with speaks for her from now on: her next emails are in its language.
            set += ", #language = :language";
            names.put("#language", DirectoryItems.LANGUAGE);
            values.put(":language", AttributeValue.fromS(session.language()));
        }
        return transaction
                .update("not revoked since issued", Update.builder()
                        .tableName(directoryTable)
                        .key(DirectoryItems.customerKey(storeId, customerId))
                        .updateExpression(set + " REMOVE #failedAt")
                        .conditionExpression("attribute_exists(#pk) AND "
                                + "(attribute_not_exists(#revokedAt) OR #revokedAt < :issuedAt)")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .build())
                .put("new session", newSession(session))
                .put(null, AuditItems.put(auditTable, signIn))
                .commit(dynamoDb)
                .committed();
    }

    @Override
    public Optional<StoredSession> findSession(String tokenHash) {
        return Reads.get(dynamoDb, table, LoginItems.sessionKey(tokenHash)).map(LoginItems::session);
    }

    @Override
    public void deleteSession(String tokenHash) {
        dynamoDb.deleteItem(request -> request.tableName(table).key(LoginItems.sessionKey(tokenHash)));
    }

    private Put newLink(StoredLink link) {
        return putNew(LoginItems.link(link));
    }

    private Put newSession(Session session) {
        return putNew(LoginItems.session(session));
    }

    /** A put that never overwrites: 256-bit keys do not collide, so a clash means a bug, not a retry. */
    private Put putNew(Map<String, AttributeValue> item) {
        return Put.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(" + LoginItems.PK + ")")
                .build();
    }
}
