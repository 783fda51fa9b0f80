package dev.portallogin.it.support;

import dev.portallogin.core.domain.Brand;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.Subscription;
import dev.portallogin.core.json.Json;
import dev.portallogin.core.testing.SettableClock;
import dev.portallogin.tools.ApiGatewayEmulator.HttpRequest;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import dev.portallogin.tools.ApiGatewayEmulator;
import dev.portallogin.tools.LocalAws;
import dev.portallogin.tools.QueuePoller;
import dev.portallogin.tools.Seed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One test's view of the product: the template's HTTP API in front of the real handlers, a clock the test moves,
 * and stores and customers of its own, so tests never see each other's data, mail or rate limits.
 */
public final class Portal {

    /** The sender domain every test store mails from; verified in SES once. */
    public static final String SENDER_DOMAIN = "shop.example.com";
    /** The role every test store lists; the API's default caller is a session of it ({@code LOCAL_AGENT}). */
    public static final String SUPPORT_ROLE = "arn:aws:iam::123456789012:role/PortalSupport";
    private static final AtomicInteger SOURCE_IPS = new AtomicInteger();
    private static final AtomicInteger SPREAD_IPS = new AtomicInteger();
    private static volatile boolean senderVerified;

    public final AwsBackend backend;
    /**
     * The tests' clock starts a minute into the current UTC day, whatever the hour: the store ceilings and the
     * per-network pause count in fixed hourly and daily windows, so a test that moves the clock on by hours would
     * otherwise cross midnight, and pass or fail by the time of day it ran.
     */
    public final SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.DAYS)
            .plus(Duration.ofMinutes(1)));
    public final ApiGatewayEmulator api;
    private final String sourceIp = nextSourceIp();
    private List<QueuePoller> pollers;

    public Portal() {
        this(Map.of());
    }

    public Portal(Map<String, String> environment) {
        this(AwsBackend.shared(), environment);
    }

    /**
     * @param environment overrides of the template's environment variables (like {@code sam local --env-vars})
     */
    public Portal(AwsBackend backend, Map<String, String> environment) {
        this.backend = backend;
        verifySender(backend);
        Map<String, String> overrides = new LinkedHashMap<>(backend.awsEnvironment());
        overrides.putAll(environment);
        this.api = ApiGatewayEmulator.fromTemplate(backend.template(), backend.physicalIds(), overrides, clock);
    }

    private static synchronized void verifySender(AwsBackend backend) {
        if (!senderVerified) {
            new LocalAws(backend.aws(), "").verifySenderDomains(List.of(SENDER_DOMAIN));
            senderVerified = true;
        }
    }

    /** Each test calls from its own address, so per-IP limits of one test never touch another. */
    private static String nextSourceIp() {
        int n = SOURCE_IPS.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    /** An address no other call of this run used, as a botnet spreads its requests. */
    public static String anotherAddress() {
        int n = SPREAD_IPS.incrementAndGet();
        return "203.0." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    public String sourceIp() {
        return sourceIp;
    }

    /**
     * The mail and SMS sent so far, read after the delivery queue has been drained through this portal's
     * {@code deliver-message} (as Lambda's event source mapping would have done meanwhile).
     */
    public Outbox outbox() {
        Outbox sent = backend.outbox();
        return new Outbox() {
            @Override
            public List<Email> emails() {
                deliver();
                return sent.emails();
            }

            @Override
            public List<Sms> sms() {
                deliver();
                return sent.sms();
            }
        };
    }

    /** Runs every message waiting in the delivery queue through {@code deliver-message} now. */
    public void deliver() {
        pollers().forEach(QueuePoller::drain);
    }

    /** Delivers in the background, as Lambda does, until {@link #stopDelivering()}. */
    public void startDelivering(int concurrency) {
        pollers().forEach(poller -> poller.start(Duration.ofMillis(50), concurrency));
    }

    public void stopDelivering() {
        pollers().forEach(QueuePoller::close);
    }

    private synchronized List<QueuePoller> pollers() {
        if (pollers == null) {
            pollers = QueuePoller.fromTemplate(backend.template(), backend.physicalIds(), api, backend.sqs(),
                    "us-east-1");
        }
        return pollers;
    }

    /** A new store of this test's own; SMS allowed to {@code smsCountries}. */
    public Store newStore(String... smsCountries) {
        return newStore(Brand.NONE, "US", smsCountries);
    }

    /** A new store of this test's own in {@code brand}, its phone numbers read as {@code country}'s. */
    public Store newStore(Brand brand, String country, String... smsCountries) {
        String storeId = "s-" + UUID.randomUUID().toString().substring(0, 12);
        Store store = new Store(storeId, "Store " + storeId, "https://portal." + storeId + ".example.com",
                "login@" + SENDER_DOMAIN, country, Set.of(smsCountries), Set.of(SUPPORT_ROLE), brand);
        new Seed(List.of(store), List.of(), List.of()).load(backend.dynamoDb(), backend.table("DirectoryTable"));
        return store;
    }

    /** A new customer with a unique email and, when {@code withPhone}, a unique US mobile number. */
    public Customer newCustomer(Store store, boolean withPhone) {
        String id = UUID.randomUUID().toString().substring(0, 12);
        return addCustomer(store, "c-" + id, "jane." + id + "@example.com", withPhone ? uniqueUsNumber() : null);
    }

    public Customer addCustomer(Store store, String customerId, String email, String phoneE164) {
        return addCustomer(new Customer(store.storeId(), customerId, email, phoneE164, "Jane", "Doe", false, null));
    }

    public Customer addCustomer(Customer customer) {
        SeenSecrets.note("email", customer.email());
        SeenSecrets.note("phone", customer.phoneE164());
        new Seed(List.of(), List.of(customer), List.of()).load(backend.dynamoDb(), backend.table("DirectoryTable"));
        return customer;
    }

    public Subscription addSubscription(Customer customer) {
        Subscription subscription = new Subscription(customer.storeId(),
                "sub-" + UUID.randomUUID().toString().substring(0, 12), customer.customerId(), "active");
        new Seed(List.of(), List.of(), List.of(subscription)).load(backend.dynamoDb(),
                backend.table("DirectoryTable"));
        return subscription;
    }

    /** A valid, practically unique US number: area code 201, exchange 2xx to 9xx other than 555. */
    public static String uniqueUsNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int exchange;
        do {
            exchange = random.nextInt(200, 1000);
        } while (exchange == 555 || exchange % 100 == 11);
        return "+1201" + exchange + String.format("%04d", random.nextInt(10_000));
    }

    public HttpResponse post(String path, Object body) {
        return post(path, body, Map.of());
    }

    public HttpResponse post(String path, Object body, Map<String, String> headers) {
        Map<String, String> allHeaders = new LinkedHashMap<>(Map.of("content-type", "application/json"));
        allHeaders.putAll(headers);
        String text = body instanceof String raw ? raw : Json.write(body);
        return seen(api.handle(new HttpRequest("POST", path, Map.of(), allHeaders, text, sourceIp)));
    }

    /** Notes the session cookie a response sets, for the log leak check. */
    public static HttpResponse seen(HttpResponse response) {
        SeenSecrets.noteCookies(response.cookies());
        return response;
    }

    public HttpResponse put(String path, Object body) {
        return api.handle(new HttpRequest("PUT", path, Map.of(), Map.of("content-type", "application/json"),
                Json.write(body), sourceIp));
    }

    /** Any request, e.g. one signed by another IAM principal ({@link HttpRequest#signedBy}). */
    public HttpResponse send(HttpRequest request) {
        return seen(api.handle(request));
    }

    public HttpResponse get(String path, Map<String, String> query) {
        return seen(api.handle(new HttpRequest("GET", path, query, Map.of(), null, sourceIp)));
    }

    public HttpResponse head(String path, Map<String, String> query) {
        return api.handle(new HttpRequest("HEAD", path, query, Map.of(), null, sourceIp));
    }

    public HttpResponse requestCode(Store store, String identifier) {
        return post("/login/code", Map.of("storeId", store.storeId(), "identifier", identifier));
    }

    /** Asks for a code by the customer's email, as the login page does, and returns the login email. */
    public Outbox.Email loginEmail(Store store, Customer customer) {
        requestCode(store, customer.email());
        return outbox().lastEmailTo(customer.email());
    }

    /** The code of a fresh login email to the customer. */
    public String emailedCode(Store store, Customer customer) {
        return loginEmail(store, customer).code().orElseThrow();
    }

    /** The magic-link token of a fresh login email to the customer. */
    public String emailedLinkToken(Store store, Customer customer) {
        return loginEmail(store, customer).magicLinkToken().orElseThrow();
    }

    public HttpResponse verifyCode(Store store, String identifier, String code) {
        return post("/login/verify", Map.of("storeId", store.storeId(), "identifier", identifier, "code", code));
    }

    /** Asks for a code from {@code address}: another network than this portal's own, as a stranger's would be. */
    public HttpResponse requestCodeFrom(String address, Store store, String identifier) {
        SeenSecrets.note(identifier.contains("@") ? "email" : "phone", identifier);
        return seen(api.handle(new HttpRequest("POST", "/login/code", Map.of(),
                Map.of("content-type", "application/json"), Json.write(Map.of("storeId", store.storeId(),
                "identifier", identifier)), address)));
    }

    /** Each ask from an address of its own, so per-address limits do not stand in for the rule a test is about. */
    public HttpResponse requestCodeFromAnywhere(Store store, String identifier) {
        return requestCodeFrom(anotherAddress(), store, identifier);
    }

    /** Each typed code from an address of its own, so the per-network pause does not hide the overall rule. */
    public HttpResponse verifyCodeFromAnywhere(Store store, String identifier, String code) {
        return verifyCodeFrom(anotherAddress(), store, identifier, code);
    }

    /** A typed code sent from {@code address}: another network than this portal's own, as a stranger's would be. */
    public HttpResponse verifyCodeFrom(String address, Store store, String identifier, String code) {
        return seen(api.handle(new HttpRequest("POST", "/login/verify", Map.of(),
                Map.of("content-type", "application/json"), Json.write(Map.of("storeId", store.storeId(),
                "identifier", identifier, "code", code)), address)));
    }

    public HttpResponse consumeLink(String token) {
        return post("/login/magic", Map.of("token", token));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(HttpResponse response) {
        try {
            return (Map<String, Object>) Json.parse(response.body());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
