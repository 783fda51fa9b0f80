package dev.portallogin.it;

import static dev.portallogin.it.support.Dashboard.request;
import static dev.portallogin.it.support.Dashboard.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.it.support.Dashboard;
import dev.portallogin.it.support.Dashboard.Answer;
import dev.portallogin.it.support.Dashboard.CallingStyle;
import dev.portallogin.it.support.Outbox;
import dev.portallogin.it.support.Portal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A support agent fixes a customer's email, revokes outstanding links, and reads the audit trail. */
class SupportProfileIT {

    private final Portal portal = new Portal();
    private final Store store = portal.newStore("US");

    /** What a customer may still hold: the code and link they asked for, and a link an agent made. */
    private record Outstanding(Outbox.Email login, String agentLink) {
        void allRefused(Portal portal, Store store, String identifier) {
            assertThat(portal.verifyCode(store, identifier, login.code().orElseThrow()).status()).isEqualTo(401);
            assertThat(portal.consumeLink(login.magicLinkToken().orElseThrow()).status()).isEqualTo(401);
            assertThat(portal.consumeLink(token(agentLink)).status()).isEqualTo(401);
        }
    }

    private Outstanding outstandingLogins(Dashboard dashboard, Customer customer) {
        Outbox.Email login = portal.loginEmail(store, customer);
        String agentLink = dashboard.magicLink(request("storeId", store.storeId(), "customerId",
                customer.customerId(), "agentId", "agent-7")).string("url");
        portal.clock.advance(Duration.ofSeconds(5));
        return new Outstanding(login, agentLink);
    }

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void aCustomerWithoutEmailGetsAPortalLinkThenAnEmailThenAWorkingMagicLink(CallingStyle style) {
        Dashboard dashboard = new Dashboard(portal, style);
        Customer customer = portal.addCustomer(store, "c-" + style, null, null);
        String address = "Fixed." + style + "@Example.COM";

        dashboard.magicLink(request("storeId", store.storeId(), "customerId", customer.customerId(),
                "agentId", "agent-7", "kind", "portal")).hasStatus(200);
        dashboard.magicLink(request("storeId", store.storeId(), "customerId", customer.customerId(),
                "agentId", "agent-7")).hasError(422, "no_valid_email");

        Answer updated = dashboard.updateEmail(customer.customerId(), request("storeId", store.storeId(),
                "email", "  " + address + " ", "agentId", "agent-7")).hasStatus(200);
        assertThat(updated.document()).isEqualTo(Map.of("customerId", customer.customerId(),
                "email", "Fixed." + style + "@example.com", "changed", true));
        portal.clock.advance(Duration.ofSeconds(5));

        Answer link = dashboard.magicLink(request("storeId", store.storeId(), "customerId", customer.customerId(),
                "agentId", "agent-7", "send", true)).hasStatus(201);
        assertThat(link.document()).containsEntry("emailSent", true);
        assertThat(portal.outbox().lastEmailTo("Fixed." + style + "@example.com").magicLink())
                .contains(link.string("url"));
        assertThat(portal.consumeLink(token(link.string("url"))).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void theNewAddressLogsInAndTheOldOneNoLonger(CallingStyle style) {
        Customer customer = portal.newCustomer(store, false);
        String newAddress = "moved." + style + "." + store.storeId() + "@example.com";

        new Dashboard(portal, style).updateEmail(customer.customerId(), request("storeId", store.storeId(),
                "email", newAddress, "agentId", "agent-7")).hasStatus(200);
        portal.clock.advance(Duration.ofSeconds(5));
        portal.requestCode(store, customer.email());
        portal.requestCode(store, newAddress.toUpperCase());

        assertThat(portal.outbox().emailsTo(customer.email())).extracting(Outbox.Email::subject)
                .noneMatch(subject -> subject.contains("login code"));
        String code = portal.outbox().lastEmailTo(newAddress).code().orElseThrow();
        assertThat(portal.verifyCode(store, newAddress, code).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void everyOutstandingCodeAndLinkDiesWhenTheEmailChangesAndTheOldAddressIsTold(CallingStyle style) {
        Dashboard dashboard = new Dashboard(portal, style);
        Customer customer = portal.newCustomer(store, false);
        Outstanding outstanding = outstandingLogins(dashboard, customer);

        dashboard.updateEmail(customer.customerId(), request("storeId", store.storeId(),
                "email", "new." + style + "." + store.storeId() + "@example.com", "agentId", "agent-7"))
                .hasStatus(200);

        outstanding.allRefused(portal, store, "new." + style + "." + store.storeId() + "@example.com");
        Outbox.Email notice = portal.outbox().lastEmailTo(customer.email());
        assertThat(notice.subject()).contains("login email was changed");
        assertThat(notice.body()).contains("n***@example.com").doesNotContain("new." + style);
    }

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void anotherCustomersAddressIsInUseWhateverItsCase(CallingStyle style) {
        Customer jane = portal.newCustomer(store, false);
        Customer other = portal.newCustomer(store, false);

        new Dashboard(portal, style).updateEmail(other.customerId(), request("storeId", store.storeId(),
                "email", jane.email().toUpperCase(), "agentId", "agent-7")).hasError(409, "email_in_use");

        assertThat(portal.requestCode(store, jane.email()).status()).isEqualTo(202);
        assertThat(portal.outbox().emailsTo(jane.email())).hasSize(1);
        assertThat(portal.outbox().emailsTo(other.email())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane", "jane@", "jane doe@example.com", "jane@example", "jane@@example.com",
            "ja\tne@example.com", "first@last@example.com"})
    void addressesAMailSystemWouldRefuseAreInvalidEmail(String address) {
        Customer customer = portal.newCustomer(store, false);
        for (CallingStyle style : CallingStyle.values()) {
            new Dashboard(portal, style).updateEmail(customer.customerId(), request("storeId", store.storeId(),
                    "email", address, "agentId", "agent-7")).hasError(400, "invalid_email");
        }
    }

    @Test
    void anAddressOver254CharactersIsInvalidEmail() {
        Customer customer = portal.newCustomer(store, false);
        String address = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".com";

        new Dashboard(portal, CallingStyle.HTTP).updateEmail(customer.customerId(), request("storeId",
                store.storeId(), "email", address, "agentId", "agent-7")).hasError(400, "invalid_email");
    }

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void updatingAnUnknownCustomerIsNotFound(CallingStyle style) {
        new Dashboard(portal, style).updateEmail("nobody", request("storeId", store.storeId(),
                "email", "x@example.com", "agentId", "agent-7")).hasError(404, "customer_not_found");
    }

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void revokeEndsEveryOutstandingCodeAndLinkButNotLaterOnes(CallingStyle style) {
        Dashboard dashboard = new Dashboard(portal, style);
        Customer customer = portal.newCustomer(store, false);
        Outstanding outstanding = outstandingLogins(dashboard, customer);

        Answer revoked = dashboard.revoke(customer.customerId(), request("storeId", store.storeId(),
                "agentId", "agent-7")).hasStatus(200);

        assertThat(revoked.document()).containsEntry("revoked", true);
        outstanding.allRefused(portal, store, customer.email());
        portal.clock.advance(Duration.ofMinutes(2));
        String fresh = portal.emailedCode(store, customer);
        assertThat(portal.verifyCode(store, customer.email(), fresh).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void theAuditTrailListsEveryActionNewestFirstWithoutSecrets(CallingStyle style) {
        Dashboard dashboard = new Dashboard(portal, style);
        Customer customer = portal.newCustomer(store, false);
        String link = dashboard.magicLink(request("storeId", store.storeId(), "customerId", customer.customerId(),
                "agentId", "agent-1", "send", true)).string("url");
        portal.clock.advance(Duration.ofSeconds(1));
        dashboard.magicLink(request("storeId", store.storeId(), "customerId", customer.customerId(),
                "agentId", "agent-2", "kind", "portal"));
        portal.clock.advance(Duration.ofSeconds(1));
        dashboard.revoke(customer.customerId(), request("storeId", store.storeId(), "agentId", "agent-3"));
        portal.clock.advance(Duration.ofSeconds(1));
        dashboard.updateEmail(customer.customerId(), request("storeId", store.storeId(),
                "email", "z." + style + "." + store.storeId() + "@example.com", "agentId", "agent-4"));

        Answer audit = dashboard.audit(store.storeId(), customer.customerId()).hasStatus(200);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) audit.document().get("entries");
        assertThat(entries).extracting(entry -> entry.get("action")).containsExactly("email_changed",
                "credentials_revoked", "portal_link_generated", "magic_link_generated");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> actors = entries.stream().map(entry -> (Map<String, Object>) entry.get("actor"))
                .toList();
        assertThat(actors).extracting(actor -> actor.get("label"))
                .containsExactly("agent-4", "agent-3", "agent-2", "agent-1");
        if (style == CallingStyle.HTTP) {
            assertThat(actors).allSatisfy(actor -> assertThat(actor)
                    .containsEntry("type", "agent")
                    .containsEntry("principal", Portal.SUPPORT_ROLE)
                    .containsEntry("session", "local-agent"));
        } else {
            assertThat(actors).allSatisfy(actor -> assertThat(actor)
                    .containsEntry("type", "trusted-backend")
                    .containsEntry("principal", null));
        }
        String everything = audit.document().toString();
        assertThat(everything).doesNotContain(token(link)).doesNotContain(customer.email())
                .contains("j***@example.com");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Answer audit) {
        return (List<Map<String, Object>>) audit.document().get("entries");
    }

    /**
     * Twenty wrong codes in a row, each a real guess at a real code, as strangers would type them: from twenty
     * networks, since one network alone only pauses code sign-in from itself.
     */
    private void lockCodeSignIn(Customer customer) {
        for (int request = 0; request < 4; request++) {
            portal.clock.advance(Duration.ofMinutes(61));
            String code = portal.emailedCode(store, customer);
            String wrong = code.equals("0000") ? "1111" : "0000";
            for (int guess = 0; guess < 5; guess++) {
                portal.verifyCodeFrom("192.0.2." + (request * 5 + guess + 1), store, customer.email(), wrong);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void anAgentSeesCodeSignInLockedAndUnlockReenablesIt(CallingStyle style) {
        Dashboard dashboard = new Dashboard(portal, style);
        Customer customer = portal.newCustomer(store, false);
        lockCodeSignIn(customer);
        portal.clock.advance(Duration.ofMinutes(61));
        portal.requestCode(store, customer.email());
        assertThat(portal.outbox().lastEmailTo(customer.email()).code()).as("no code while locked").isEmpty();

        Answer locked = dashboard.customer(store.storeId(), customer.customerId()).hasStatus(200);
        dashboard.unlock(customer.customerId(), request("storeId", store.storeId(), "agentId", "agent-9"))
                .hasStatus(200);
        Answer unlocked = dashboard.customer(store.storeId(), customer.customerId()).hasStatus(200);
        portal.clock.advance(Duration.ofMinutes(61));
        String code = portal.emailedCode(store, customer);

        assertThat((Map<String, Object>) locked.document().get("codeLogin")).containsEntry("locked", true)
                .containsEntry("consecutiveFailures", 20).containsKeys("lockedSince", "lockedUntil");
        assertThat((Map<String, Object>) unlocked.document().get("codeLogin")).containsEntry("locked", false)
                .containsEntry("lockedUntil", null);
        assertThat(portal.verifyCode(store, customer.email(), code).status()).isEqualTo(200);
        assertThat(entries(dashboard.audit(store.storeId(), customer.customerId())))
                .extracting(entry -> entry.get("action")).contains("code_login_unlocked");
    }

    @Test
    void theTrailShowsTheCustomersRefusedCodesAndSignInsBesideWhatSupportDid() {
        Dashboard dashboard = new Dashboard(portal, CallingStyle.HTTP);
        Customer customer = portal.newCustomer(store, true);
        portal.requestCode(store, customer.phoneE164());
        String code = portal.outbox().lastEmailTo(customer.email()).code().orElseThrow();
        portal.verifyCode(store, customer.phoneE164(), code.equals("0000") ? "1111" : "0000");
        portal.clock.advance(Duration.ofSeconds(1));
        portal.verifyCode(store, customer.phoneE164(), code);
        portal.clock.advance(Duration.ofSeconds(1));
        dashboard.customer(store.storeId(), customer.customerId()).hasStatus(200);

        List<Map<String, Object>> entries = entries(dashboard.audit(store.storeId(), customer.customerId()))
                .stream().filter(entry -> !String.valueOf(entry.get("action")).startsWith("message_")).toList();

        assertThat(entries).extracting(entry -> entry.get("action"))
                .containsExactly("profile_viewed", "signed_in", "code_refused");
        assertThat(entries.get(1).get("details")).isEqualTo(Map.of("method", "code",
                "identifier", customer.phoneE164().substring(0, 2) + "******" + customer.phoneE164().substring(8)));
        assertThat(entries.get(2).get("details")).isEqualTo(Map.of("reason", "wrong_code",
                "identifier", customer.phoneE164().substring(0, 2) + "******" + customer.phoneE164().substring(8)));
        assertThat((Map<String, Object>) entries.get(2).get("actor")).containsEntry("type", "customer");
        assertThat(entries.toString()).doesNotContain(code).doesNotContain(customer.phoneE164());
    }

    @Test
    void anEmailChangeFromAnInvalidAddressIsAuditedMaskedNotAsNone() {
        Dashboard dashboard = new Dashboard(portal, CallingStyle.DIRECT);
        Customer casey = portal.addCustomer(store, "casey-" + store.storeId(), "casey at example dot com", null);

        dashboard.updateEmail(casey.customerId(), request("storeId", store.storeId(),
                "email", "casey." + store.storeId() + "@example.com", "agentId", "agent-1")).hasStatus(200);

        String storeId = store.storeId();
        String shown = "ca•••" + storeId.charAt(storeId.length() - 1) + "@example.com";
        assertThat(entries(dashboard.audit(storeId, casey.customerId())).get(0).get("details"))
                .isEqualTo(Map.of("from", "c*** (not a valid address)", "to", shown));
    }

    @Test
    void twentyAgentsRacingToGiveOneAddressToTwoCustomersLeaveOneConsistentOwner() throws Exception {
        Customer first = portal.newCustomer(store, false);
        Customer second = portal.newCustomer(store, false);
        String contested = "contested." + store.storeId() + "@example.com";
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Answer>> answers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try {
            for (int i = 0; i < 20; i++) {
                Customer target = i % 2 == 0 ? first : second;
                CallingStyle style = i % 4 < 2 ? CallingStyle.HTTP : CallingStyle.DIRECT;
                answers.add(pool.submit(() -> {
                    start.await();
                    return new Dashboard(portal, style).updateEmail(target.customerId(), request(
                            "storeId", store.storeId(), "email", contested, "agentId", "agent-race"));
                }));
            }
            start.countDown();
            List<Answer> results = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                results.add(answer.get());
            }
            assertThat(results).allSatisfy(answer -> assertThat(answer.document().get("error"))
                    .isIn(null, "email_in_use"));
        } finally {
            pool.shutdownNow();
        }

        Customer firstNow = portal.backend.customers().findCustomer(store.storeId(),
                first.customerId()).orElseThrow();
        Customer secondNow = portal.backend.customers().findCustomer(store.storeId(),
                second.customerId()).orElseThrow();
        List<Customer> owners = java.util.stream.Stream.of(firstNow, secondNow)
                .filter(customer -> contested.equals(customer.email())).toList();
        assertThat(owners).hasSize(1);
        Customer winner = owners.get(0);
        Customer loser = winner.customerId().equals(first.customerId()) ? secondNow : firstNow;
        assertThat(loser.email()).isIn(first.email(), second.email());

        var entry = portal.backend.dynamoDb().getItem(request -> request
                .tableName(portal.backend.table("DirectoryTable"))
                .key(Map.of("pk", AttributeValue.fromS(store.storeId()),
                        "sk", AttributeValue.fromS("email#" + contested)))).item();
        assertThat(entry.get("customerId").s()).isEqualTo(winner.customerId());
        var winnersOldEntry = portal.backend.dynamoDb().getItem(request -> request
                .tableName(portal.backend.table("DirectoryTable"))
                .key(Map.of("pk", AttributeValue.fromS(store.storeId()),
                        "sk", AttributeValue.fromS("email#" + (winner.customerId().equals(first.customerId())
                                ? first.email() : second.email()).toLowerCase())))).item();
        assertThat(winnersOldEntry).isEmpty();
        assertThat(portal.backend.customers().findCustomerByEmail(store.storeId(),
                dev.portallogin.core.domain.EmailAddress.parse(loser.email()).orElseThrow()))
                .map(Customer::customerId).contains(loser.customerId());
    }
}
