package dev.portallogin.core.adapter.dynamodb;

import static dev.portallogin.core.adapter.dynamodb.Attributes.epochMillis;
import static dev.portallogin.core.adapter.dynamodb.Attributes.epochSeconds;
import static dev.portallogin.core.adapter.dynamodb.Attributes.instantFromMillis;
import static dev.portallogin.core.adapter.dynamodb.Attributes.instantFromSeconds;
import static dev.portallogin.core.adapter.dynamodb.Attributes.s;
import static dev.portallogin.core.adapter.dynamodb.Attributes.string;

import dev.portallogin.core.domain.Session;
import dev.portallogin.core.port.LoginStore.StoredCode;
import dev.portallogin.core.port.LoginStore.StoredLink;
import dev.portallogin.core.port.LoginStore.StoredSession;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item layout of the login table, keyed by {@code pk} alone:
 * {@code login#<store>#<customer>} (the live code and the customer-requested link's hash),
 * {@code link#<token hash>}, {@code session#<cookie hash>} and {@code rate#<key hash>}.
 * Every item carries {@value #EXPIRES_AT}, epoch seconds, which is both the table's TTL attribute and the expiry
 * the code enforces (TTL deletes late, so it is never trusted to have deleted anything).
 */
public final class LoginItems {

    public static final String PK = "pk";
    public static final String EXPIRES_AT = "expiresAt";
    /** The key prefixes deliver-message may touch (the template's {@code dynamodb:LeadingKeys} lists them). */
    public static final String DELIVERED_PREFIX = "delivered#";
    public static final String DEVICE_PREFIX = "device#";

    static final String STORE_ID = "storeId";
    static final String CUSTOMER_ID = "customerId";
    static final String CODE_ID = "codeId";
    static final String CODE_HMAC = "codeHmac";
    static final String ATTEMPTS = "attempts";
    static final String ISSUED_AT = "issuedAt";
    static final String LINK_HASH = "linkHash";
    static final String SOURCE = "source";
    static final String METHOD = "method";
    static final String CREATED_AT = "createdAt";
    static final String USED_AT = "usedAt";
    static final String SENT_TO = "sentTo";
    static final String BROWSER_HASH = "browserHash";

    private LoginItems() {
    }

    static Map<String, AttributeValue> loginKey(String storeId, String customerId) {
        return Map.of(PK, s("login#" + storeId + "#" + customerId));
    }

    static Map<String, AttributeValue> linkKey(String tokenHash) {
        return Map.of(PK, s("link#" + tokenHash));
    }

    static Map<String, AttributeValue> sessionKey(String tokenHash) {
        return Map.of(PK, s("session#" + tokenHash));
    }

    static Map<String, AttributeValue> link(StoredLink link) {
        Map<String, AttributeValue> item = new HashMap<>(linkKey(link.tokenHash()));
        item.put(STORE_ID, s(link.storeId()));
        item.put(CUSTOMER_ID, s(link.customerId()));
        item.put(SOURCE, s(link.source()));
        item.put(ISSUED_AT, epochMillis(link.issuedAt()));
        item.put(EXPIRES_AT, epochSeconds(link.expiresAt()));
        if (link.sentTo() != null) {
            item.put(SENT_TO, s(link.sentTo()));
        }
        if (link.browserHash() != null) {
            item.put(BROWSER_HASH, s(link.browserHash()));
        }
        return item;
    }

    static StoredLink link(String tokenHash, Map<String, AttributeValue> item) {
        return new StoredLink(tokenHash, string(item, STORE_ID), string(item, CUSTOMER_ID), string(item, SOURCE),
                instantFromMillis(item, ISSUED_AT), instantFromSeconds(item, EXPIRES_AT), string(item, SENT_TO),
                string(item, BROWSER_HASH), instantFromMillis(item, USED_AT));
    }

    static StoredCode code(Map<String, AttributeValue> item) {
        return new StoredCode(string(item, STORE_ID), string(item, CUSTOMER_ID), string(item, CODE_ID),
                Attributes.bytes(item, CODE_HMAC), instantFromMillis(item, ISSUED_AT),
                instantFromSeconds(item, EXPIRES_AT), (int) Attributes.number(item, ATTEMPTS));
    }

    static Map<String, AttributeValue> session(Session session) {
        Map<String, AttributeValue> item = new HashMap<>(sessionKey(session.token().hash()));
        item.put(STORE_ID, s(session.storeId()));
        item.put(CUSTOMER_ID, s(session.customerId()));
        item.put(METHOD, s(session.method()));
        item.put(CREATED_AT, epochMillis(session.createdAt()));
        item.put(EXPIRES_AT, epochSeconds(session.expiresAt()));
        return item;
    }

    static StoredSession session(Map<String, AttributeValue> item) {
        return new StoredSession(string(item, STORE_ID), string(item, CUSTOMER_ID), string(item, METHOD),
                instantFromMillis(item, CREATED_AT), instantFromSeconds(item, EXPIRES_AT));
    }
}
