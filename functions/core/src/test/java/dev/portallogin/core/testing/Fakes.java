package dev.portallogin.core.testing;

import dev.portallogin.core.domain.LoginPolicy;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.Subscription;
import dev.portallogin.core.port.CodeGuessCounter;
import dev.portallogin.core.port.CustomerAccounts;
import dev.portallogin.core.port.Customers;
import dev.portallogin.core.port.Stores;
import dev.portallogin.core.port.CodeKey;
import dev.portallogin.core.port.OriginSecret;
import dev.portallogin.core.port.SignInContext;
import dev.portallogin.core.testing.Recording.InMemoryDeliveryRecords;
import dev.portallogin.core.testing.Recording.InMemoryTrustedDevices;
import dev.portallogin.core.testing.Recording.RecordingDeliveryQueue;
import dev.portallogin.core.testing.Recording.RecordingMailer;
import dev.portallogin.core.testing.Recording.RecordingSmsSender;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every port in memory, wired to each other as the AWS adapters are (the login store checks revocations in the
 * directory, both record into one audit log), with a clock the test moves and the template's defaults as config.
 */
public final class Fakes {

    /** The role every store of {@link #store} lists, and a session of it that signs the tests' support requests. */
    public static final String SUPPORT_ROLE = "arn:aws:iam::123456789012:role/PortalSupport";
    public static final String AGENT_SESSION = "arn:aws:sts::123456789012:assumed-role/PortalSupport/alice";
    public static final String ORIGIN_SECRET = "cloudfront-origin-secret";

    public final SettableClock clock = SettableClock.at("2026-11-26T12:00:00Z");
    public final InMemoryAuditLog audit = new InMemoryAuditLog();
    public final InMemoryCustomerDirectory directory = new InMemoryCustomerDirectory(audit);
    /** The directory by the roles the use cases take it in: one in-memory table behind all four. */
    public final Stores stores = directory;
    public final Customers customers = directory;
    public final CustomerAccounts accounts = directory;
    public final CodeGuessCounter codeGuesses = directory;
    public final InMemoryLoginStore logins = new InMemoryLoginStore(directory, audit);
    public final InMemoryRateLimiter rateLimiter = new InMemoryRateLimiter();
    public final RecordingDeliveryQueue queue = new RecordingDeliveryQueue();
    public final RecordingMailer mailer = new RecordingMailer();
    public final RecordingSmsSender sms = new RecordingSmsSender();
    public final InMemoryDeliveryRecords deliveryRecords = new InMemoryDeliveryRecords();
    public final InMemoryTrustedDevices devices = new InMemoryTrustedDevices();
    public final SignInContext signInContext = (storeId, deviceHash) ->
            new SignInContext.Context(directory.findStore(storeId), devices.find(deviceHash));
    public final CodeKey codeKey = () -> "unit-test-code-key".getBytes(StandardCharsets.UTF_8);
    public final OriginSecret originSecret = ORIGIN_SECRET::equals;
    private int customerCount;

    /** The login policy at its defaults, with {@code overrides} (environment names and values) on top. */
    public LoginPolicy policy(String... overrides) {
        Map<String, String> environment = new HashMap<>();
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            environment.put(overrides[i], overrides[i + 1]);
        }
        return LoginPolicy.from(environment);
    }

    /** A store whose portal is {@code https://portal.<id>.example}, texting {@code smsCountries}. */
    public Store store(String storeId, String... smsCountries) {
        Store store = new Store(storeId, "Store " + storeId, "https://portal." + storeId + ".example",
                "login@" + storeId + ".example", "US", Set.of(smsCountries), Set.of(SUPPORT_ROLE));
        directory.add(store);
        return store;
    }

    /** A customer with an email and, when {@code phoneE164} is not null, that phone. */
    public Customer customer(Store store, String email, String phoneE164) {
        customerCount++;
        return directory.add(new Customer(store.storeId(), "cus-" + customerCount, email, phoneE164, "Jane", "Doe",
                false,
                null));
    }

    public Subscription subscription(Customer customer, String subscriptionId) {
        return directory.add(new Subscription(customer.storeId(), subscriptionId, customer.customerId(), "active"));
    }

    /** These ports, for the contract suites. */
    public Ports ports() {
        return new Ports(directory, directory, directory, directory, logins, audit, rateLimiter, deliveryRecords,
                (newStores, newCustomers, newSubscriptions) -> {
                    newStores.forEach(directory::add);
                    newCustomers.forEach(directory::add);
                    newSubscriptions.forEach(directory::add);
                });
    }
}
