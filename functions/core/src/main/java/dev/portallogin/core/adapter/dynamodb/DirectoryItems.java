package dev.portallogin.core.adapter.dynamodb;

import static dev.portallogin.core.adapter.dynamodb.Attributes.bool;
import static dev.portallogin.core.adapter.dynamodb.Attributes.epochMillis;
import static dev.portallogin.core.adapter.dynamodb.Attributes.flag;
import static dev.portallogin.core.adapter.dynamodb.Attributes.instantFromMillis;
import static dev.portallogin.core.adapter.dynamodb.Attributes.s;
import static dev.portallogin.core.adapter.dynamodb.Attributes.string;

import dev.portallogin.core.domain.Brand;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.NameKey;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.Subscription;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item layout of the directory table. One partition per store ({@code pk} = store id); the sort key says what an
 * item is: {@code store}, {@code customer#<id>}, {@code subscription#<id>}, and the uniqueness entries
 * {@code email#<lower-cased address>} and {@code phone#<E.164>} that point at the customer who owns them.
 * Two more kinds of partition, never a store id (ids cannot hold {@code #}): {@value #STORE_LIST_PK} lists every
 * store, and {@code #principal#<principal key>} lists the stores one support principal may act on.
 *
 * <p>Three sparse global secondary indexes make every search a bounded range read: {@value #BY_FIRST_LAST} and
 * {@value #BY_LAST_FIRST} (store id, then the customer's {@link NameKey}s) and {@value #BY_CUSTOMER} (a customer's
 * subscriptions).
 */
public final class DirectoryItems {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String STORE_SK = "store";
    public static final String STORE_LIST_PK = "#stores";
    public static final String PRINCIPAL_PREFIX = "#principal#";
    public static final String CUSTOMER_PREFIX = "customer#";
    public static final String SUBSCRIPTION_PREFIX = "subscription#";
    public static final String EMAIL_PREFIX = "email#";
    public static final String PHONE_PREFIX = "phone#";

    public static final String BY_FIRST_LAST = "ByFirstLastName";
    public static final String BY_LAST_FIRST = "ByLastFirstName";
    public static final String BY_CUSTOMER = "ByCustomer";
    public static final String FIRST_LAST_KEY = "firstLastKey";
    public static final String LAST_FIRST_KEY = "lastFirstKey";
    public static final String CUSTOMER_REF = "customerRef";

    static final String NAME = "name";
    static final String PORTAL_URL = "portalUrl";
    static final String EMAIL_FROM = "emailFrom";
    static final String DEFAULT_COUNTRY = "defaultCountry";
    static final String SMS_COUNTRIES = "smsCountries";
    static final String AGENT_PRINCIPALS = "agentPrincipals";
    static final String DISPLAY_NAME = "displayName";
    static final String LOGO_URL = "logoUrl";
    static final String ACCENT_COLOUR = "accentColour";
    static final String SENDER_NAME = "senderName";
    static final String SUPPORT_CONTACT = "supportContact";
    static final String TIME_ZONE = "timeZone";
    static final String LANGUAGES = "languages";
    static final String LANGUAGE = "language";
    static final String CUSTOMER_ID = "customerId";
    static final String EMAIL = "email";
    static final String PHONE = "phone";
    static final String FIRST_NAME = "firstName";
    static final String LAST_NAME = "lastName";
    static final String EMAIL_BOUNCING = "emailBouncing";
    static final String EMAIL_COMPLAINED = "emailComplained";
    static final String CREDENTIALS_REVOKED_AT = "credentialsRevokedAt";
    static final String CONSECUTIVE_CODE_FAILURES = "consecutiveCodeFailures";
    static final String LAST_CODE_FAILURE_AT = "lastCodeFailureAt";
    static final String PREVIOUS_EMAIL = "previousEmail";
    static final String SUBSCRIPTION_ID = "subscriptionId";
    static final String STATUS = "status";
    static final String PLAN = "plan";

    private DirectoryItems() {
    }

    public static Map<String, AttributeValue> key(String partitionKey, String sortKey) {
        return Map.of(PK, s(partitionKey), SK, s(sortKey));
    }

    public static Map<String, AttributeValue> customerKey(String storeId, String customerId) {
        return key(storeId, CUSTOMER_PREFIX + customerId);
    }

    public static String principalPartition(String principalKey) {
        return PRINCIPAL_PREFIX + principalKey;
    }

    public static Map<String, AttributeValue> storeItem(Store store) {
        Map<String, AttributeValue> item = new HashMap<>(key(store.storeId(), STORE_SK));
        item.put(NAME, s(store.name()));
        item.put(PORTAL_URL, s(store.portalUrl()));
        item.put(EMAIL_FROM, s(store.emailFrom()));
        item.put(DEFAULT_COUNTRY, s(store.defaultCountry()));
        item.put(SMS_COUNTRIES, strings(store.smsCountries()));
        item.put(AGENT_PRINCIPALS, strings(store.agentPrincipals()));
        Brand brand = store.brand();
        putIfPresent(item, DISPLAY_NAME, brand.displayName());
        putIfPresent(item, LOGO_URL, brand.logoUrl());
        putIfPresent(item, ACCENT_COLOUR, brand.accentColour());
        putIfPresent(item, SENDER_NAME, brand.senderName());
        putIfPresent(item, SUPPORT_CONTACT, brand.supportContact());
        item.put(TIME_ZONE, s(brand.timeZone().getId()));
        item.put(LANGUAGES, AttributeValue.fromL(brand.languages().stream().map(Attributes::s).toList()));
        return item;
    }

    /** The entry that lists a store in the {@value #STORE_LIST_PK} partition. */
    public static Map<String, AttributeValue> storeListEntry(Store store) {
        Map<String, AttributeValue> item = new HashMap<>(key(STORE_LIST_PK, store.storeId()));
        item.put(NAME, s(store.name()));
        return item;
    }

    /** The entry that lets one support principal act on a store: in the principal's partition, keyed by store. */
    public static Map<String, AttributeValue> grantEntry(String principalKey, Store store) {
        Map<String, AttributeValue> item = new HashMap<>(key(principalPartition(principalKey), store.storeId()));
        item.put(NAME, s(store.name()));
        return item;
    }

    public static Store store(Map<String, AttributeValue> item) {
        return new Store(string(item, PK), string(item, NAME), string(item, PORTAL_URL), string(item, EMAIL_FROM),
                string(item, DEFAULT_COUNTRY), stringSet(item, SMS_COUNTRIES), stringSet(item, AGENT_PRINCIPALS),
                Brand.of(string(item, DISPLAY_NAME), string(item, LOGO_URL), string(item, ACCENT_COLOUR),
                        string(item, SENDER_NAME), string(item, SUPPORT_CONTACT), string(item, TIME_ZONE),
                        List.copyOf(stringSet(item, LANGUAGES))));
    }

    /** The customer record as written by the seed or import; the email is stored as given (it may be invalid). */
    public static Map<String, AttributeValue> customerItem(Customer customer) {
        Map<String, AttributeValue> item = new HashMap<>(customerKey(customer.storeId(), customer.customerId()));
        item.put(CUSTOMER_ID, s(customer.customerId()));
        putIfPresent(item, EMAIL, customer.email());
        putIfPresent(item, PHONE, customer.phoneE164());
        putIfPresent(item, FIRST_NAME, customer.firstName());
        putIfPresent(item, LAST_NAME, customer.lastName());
        putIfPresent(item, FIRST_LAST_KEY, NameKey.firstLast(customer));
        putIfPresent(item, LAST_FIRST_KEY, NameKey.lastFirst(customer));
        item.put(EMAIL_BOUNCING, bool(customer.emailBouncing()));
        if (customer.emailComplained()) {
            item.put(EMAIL_COMPLAINED, bool(true));
        }
        putIfPresent(item, LANGUAGE, customer.language());
        if (customer.credentialsRevokedAt() != null) {
            item.put(CREDENTIALS_REVOKED_AT, epochMillis(customer.credentialsRevokedAt()));
        }
        return item;
    }

    static Customer customer(Map<String, AttributeValue> item) {
        return new Customer(string(item, PK), string(item, CUSTOMER_ID), string(item, EMAIL), string(item, PHONE),
                string(item, FIRST_NAME), string(item, LAST_NAME), flag(item, EMAIL_BOUNCING),
                flag(item, EMAIL_COMPLAINED), instantFromMillis(item, CREDENTIALS_REVOKED_AT),
                (int) Attributes.number(item, CONSECUTIVE_CODE_FAILURES),
                instantFromMillis(item, LAST_CODE_FAILURE_AT), string(item, PREVIOUS_EMAIL), string(item, LANGUAGE));
    }

    /** An entry claiming {@code sortKey} (an email or phone key) for one customer of the store. */
    public static Map<String, AttributeValue> ownerEntry(String storeId, String sortKey, String customerId) {
        Map<String, AttributeValue> item = new HashMap<>(key(storeId, sortKey));
        item.put(CUSTOMER_ID, s(customerId));
        return item;
    }

    public static Map<String, AttributeValue> subscriptionItem(Subscription subscription) {
        Map<String, AttributeValue> item =
                new HashMap<>(key(subscription.storeId(), SUBSCRIPTION_PREFIX + subscription.subscriptionId()));
        item.put(SUBSCRIPTION_ID, s(subscription.subscriptionId()));
        item.put(CUSTOMER_ID, s(subscription.customerId()));
        item.put(CUSTOMER_REF, s(customerRef(subscription.storeId(), subscription.customerId())));
        item.put(STATUS, s(subscription.status()));
        putIfPresent(item, PLAN, subscription.plan());
        return item;
    }

    /** The {@value #BY_CUSTOMER} index key of a customer's subscriptions. */
    static String customerRef(String storeId, String customerId) {
        return storeId + "#" + customerId;
    }

    static Subscription subscription(Map<String, AttributeValue> item) {
        return new Subscription(string(item, PK), string(item, SUBSCRIPTION_ID), string(item, CUSTOMER_ID),
                string(item, STATUS), string(item, PLAN));
    }

    static String ownerOf(Map<String, AttributeValue> entry) {
        return string(entry, CUSTOMER_ID);
    }

    private static AttributeValue strings(Set<String> values) {
        return AttributeValue.fromL(values.stream().sorted().map(Attributes::s).toList());
    }

    private static Set<String> stringSet(Map<String, AttributeValue> item, String name) {
        Set<String> values = new LinkedHashSet<>();
        item.getOrDefault(name, AttributeValue.fromL(List.of())).l().forEach(value -> values.add(value.s()));
        return values;
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isEmpty()) {
            item.put(name, s(value));
        }
    }
}
