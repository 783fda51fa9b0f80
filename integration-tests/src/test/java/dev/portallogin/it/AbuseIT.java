package dev.portallogin.it;

import static dev.portallogin.it.support.Portal.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.PhoneNumber;
import dev.portallogin.core.domain.Store;
import dev.portallogin.it.support.AwsBackend;
import dev.portallogin.it.support.Parallel;
import dev.portallogin.it.support.Figures;
import dev.portallogin.it.support.Outbox;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import dev.portallogin.tools.Seed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Guessing, enumeration and SMS pumping, each turned into a figure. */
class AbuseIT {


    private final Portal portal = new Portal(AwsBackend.isolated(), Map.of());
    private final Store store = portal.newStore("US");




    @AfterEach
    void discardTheTestsTables() {
        portal.backend.discard();
    }

    @Test
    void twentyWrongCodesInARowLockCodeLoginUntilAMagicLinkIsUsed() {
        Customer customer = portal.newCustomer(store, false);
        int guessesAllowed = 0;
        for (int request = 0; request < 5; request++) {
            portal.clock.advance(Duration.ofSeconds(61));
            assertThat(portal.requestCode(store, customer.email()).status()).isEqualTo(202);
            String code = portal.outbox().lastEmailTo(customer.email()).code().orElse(null);
            if (code == null) {
                break;
            }
            String wrong = code.equals("0000") ? "1111" : "0000";
            for (int guess = 0; guess < 5; guess++) {
                portal.verifyCodeFromAnywhere(store, customer.email(), wrong);
            }
            guessesAllowed += 5;
        }
        Outbox.Email lockedEmail = portal.outbox().lastEmailTo(customer.email());

        assertThat(guessesAllowed).isEqualTo(20);
        assertThat(lockedEmail.code()).as("no code is sent while code login is locked").isEmpty();
        assertThat(lockedEmail.body()).contains("paused");
        assertThat(portal.consumeLink(lockedEmail.magicLinkToken().orElseThrow()).status()).isEqualTo(200);

        portal.clock.advance(Duration.ofHours(1));
        String code = portal.emailedCode(store, customer);
        assertThat(portal.verifyCode(store, customer.email(), code).status()).isEqualTo(200);

        Figures.record("Guesses at one customer's codes before code login pauses (20 wrong in a row; the pause lasts "
                        + "24 hours after the last of them)", "AbuseIT.twentyWrongCodesInARowLockCodeLoginUntilAMagic"
                        + "LinkIsUsed", guessesAllowed + " guesses, then none until the owner signs in by link");
        Figures.record("Takeover chance by guessing, per lock-out cycle", "AbuseIT.twentyWrongCodesInARowLockCode"
                        + "LoginUntilAMagicLinkIsUsed", String.format("4 digits: %d/10,000 = %.2f%%; 6 digits: "
                        + "%d/1,000,000 = %.4f%%", guessesAllowed, guessesAllowed / 100.0, guessesAllowed,
                guessesAllowed / 10_000.0));
    }

    @Test
    void aLockedCustomerGetsNoCodeBySmsEither() {
        Customer customer = portal.addCustomer(new Customer(store.storeId(), "locked-" + store.storeId(),
                "locked." + store.storeId() + "@example.com", Portal.uniqueUsNumber(), "Lo", "Cked", false, null));
        for (int i = 0; i < 20; i++) {
            portal.backend.codeGuesses().countCodeGuess(store.storeId(), customer.customerId(), 20, Duration.ofDays(1),
                    portal.clock.instant());
        }

        portal.requestCode(store, customer.email());

        assertThat(portal.outbox().smsTo(customer.phoneE164())).isEmpty();
        assertThat(portal.outbox().lastEmailTo(customer.email()).code()).isEmpty();
    }

    @Test
    void aThousandCodeRequestsForUnknownOrForeignNumbersSendNoSms() throws Exception {
        Set<String> numbers = new java.util.LinkedHashSet<>();
        List<Customer> foreigners = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String foreign = foreignNumber();
            while (numbers.contains(foreign)) {
                foreign = foreignNumber();
            }
            foreigners.add(new Customer(store.storeId(), "abroad-" + i, "abroad" + i + "." + store.storeId()
                    + "@example.com", foreign, "A", "Broad", false, null));
            numbers.add(foreign);
        }
        new Seed(List.of(), foreigners, List.of()).load(portal.backend.dynamoDb(),
                portal.backend.table("DirectoryTable"));
        while (numbers.size() < 600) {
            numbers.add(foreignNumber());
        }
        while (numbers.size() < 1000) {
            numbers.add(Portal.uniqueUsNumber());
        }
        List<String> shuffled = new ArrayList<>(numbers);
        Collections.shuffle(shuffled);

        List<HttpResponse> answers = Parallel.run(8, shuffled.stream()
                .map(number -> (java.util.concurrent.Callable<HttpResponse>)
                        () -> portal.requestCodeFromAnywhere(store, number))
                .toList());

        Set<String> targeted = new HashSet<>(numbers);
        long smsSent = portal.outbox().sms().stream().filter(sms -> targeted.contains(sms.phoneNumber())).count();
        assertThat(answers.stream().map(HttpResponse::status).distinct()).containsExactly(202);
        assertThat(smsSent).isZero();
        assertThat(portal.outbox().emailsTo(foreigners.get(0).email())).hasSize(1);
        Figures.record("SMS pumping: 1,000 code requests for unknown US numbers and foreign numbers (200 of them on "
                        + "customer records) in a US-only store", "AbuseIT.aThousandCodeRequestsForUnknownOrForeign"
                        + "NumbersSendNoSms", smsSent + " SMS sent");
    }

    /** A valid mobile number of a country other than the US, practically unique. */
    private static String foreignNumber() {
        String[] prefixes = {"+447400", "+4915112", "+33612", "+61412", "+9198100"};
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            String prefix = prefixes[random.nextInt(prefixes.length)];
            String candidate = prefix + String.format("%06d", random.nextInt(1_000_000));
            var parsed = PhoneNumber.parse(candidate, "US");
            if (parsed.isPresent() && !parsed.get().regionCode().equals("US")) {
                return parsed.get().e164();
            }
        }
    }
}
