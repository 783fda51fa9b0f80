package dev.portallogin.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.http.SignInCookies;
import dev.portallogin.core.json.Json;
import dev.portallogin.it.support.Figures;
import dev.portallogin.it.support.Outbox;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator.HttpRequest;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every limit turned around: what a stranger can do to one customer, or to a whole store, with it, and what the
 * customer can still do. The stranger calls from networks of their own; the customer from hers, and from a browser
 * she signed in with before.
 */
class StrangerProofIT {

    private final Portal portal = new Portal();
    private final Store store = portal.newStore("US");

    private HttpResponse call(String path, Map<String, Object> body, String address, String deviceCookie) {
        Map<String, String> headers = new LinkedHashMap<>(Map.of("content-type", "application/json"));
        if (deviceCookie != null) {
            headers.put("cookie", SignInCookies.DEVICE + "=" + deviceCookie);
        }
        return Portal.seen(portal.api.handle(new HttpRequest("POST", path, Map.of(), headers, Json.write(body),
                address)));
    }

    /** Asks, and lets delivery serve the request at once, as the queue's event source does within a second. */
    private HttpResponse askForCode(String identifier, String address, String deviceCookie) {
        HttpResponse answer = call("/login/code", Map.of("storeId", store.storeId(), "identifier", identifier),
                address, deviceCookie);
        portal.deliver();
        return answer;
    }

    private HttpResponse typeCode(String identifier, String code, String address, String deviceCookie) {
        return call("/login/verify", Map.of("storeId", store.storeId(), "identifier", identifier, "code", code),
                address, deviceCookie);
    }

    private static String cookie(HttpResponse response, String name) {
        return response.cookies().stream().filter(cookie -> cookie.startsWith(name + "="))
                .map(cookie -> cookie.substring(name.length() + 1, cookie.indexOf(';'))).findFirst().orElseThrow();
    }

    private int emailsTo(Customer customer) {
        return portal.outbox().emailsTo(customer.email()).size();
    }

    private String latestCode(Customer customer) {
        return portal.outbox().lastEmailTo(customer.email()).code().orElseThrow();
    }

    /** She signs in once from her own network: the browser she used is remembered. */
    private String signInOnce(Customer customer, String address) {
        askForCode(customer.email(), address, null);
        HttpResponse signedIn = typeCode(customer.email(), latestCode(customer), address, null);
        assertThat(signedIn.status()).isEqualTo(200);
        return cookie(signedIn, SignInCookies.DEVICE);
    }

    @Test
    void tenRequestsFromAStrangersNetworkLeaveHerACodeFromAnotherNetworkAndFromHerBrowser() {
        Customer jane = portal.newCustomer(store, false);
        String device = signInOnce(jane, "198.51.100.20");
        int before = emailsTo(jane);
        for (int i = 0; i < 10; i++) {
            portal.clock.advance(Duration.ofMinutes(61));
            assertThat(askForCode(jane.email(), "203.0.113.66", null).status()).isEqualTo(202);
        }
        portal.clock.advance(Duration.ofMinutes(61));
        assertThat(askForCode(jane.email(), "203.0.113.66", null).status()).as("the stranger's 11th today")
                .isEqualTo(429);
        assertThat(emailsTo(jane) - before).isEqualTo(10);

        assertThat(askForCode(jane.email(), "198.51.100.21", null).status()).isEqualTo(202);
        assertThat(emailsTo(jane) - before).as("from another network she gets a code").isEqualTo(11);
        portal.clock.advance(Duration.ofSeconds(61));
        assertThat(askForCode(jane.email(), "203.0.113.66", device).status()).isEqualTo(202);
        assertThat(emailsTo(jane) - before).as("from her browser, even on the stranger's network").isEqualTo(12);
        assertThat(typeCode(jane.email(), latestCode(jane), "203.0.113.66", device).status()).isEqualTo(200);
        Figures.record("A stranger's requests for a customer from one network", "StrangerProofIT.tenRequestsFromA"
                + "StrangersNetworkLeaveHerACodeFromAnotherNetworkAndFromHerBrowser", "10 a day from one network "
                + "(then 429 there); she still gets a code from another network, and from the browser she signed in "
                + "with, even on the stranger's network");
    }

    @Test
    void twentyWrongCodesFromOneNetworkDoNotPauseHerSignInFromAnother() {
        Customer jane = portal.newCustomer(store, false);
        int refused = 0;
        for (int round = 0; round < 4; round++) {
            // Live codes to guess at (asked from anywhere: the stranger's own network soon gets her pause notice).
            portal.clock.advance(Duration.ofMinutes(61));
            askForCode(jane.email(), "198.18.0." + (round + 1), null);
            String wrong = latestCode(jane).equals("0000") ? "1111" : "0000";
            for (int guess = 0; guess < 5; guess++) {
                if (typeCode(jane.email(), wrong, "203.0.113.77", null).status() == 401) {
                    refused++;
                }
            }
        }
        portal.clock.advance(Duration.ofMinutes(61));
        askForCode(jane.email(), "203.0.113.77", null);
        Outbox.Email fromTheStrangersNetwork = portal.outbox().lastEmailTo(jane.email());
        portal.clock.advance(Duration.ofMinutes(61));
        askForCode(jane.email(), "198.51.100.30", null);
        Outbox.Email fresh = portal.outbox().lastEmailTo(jane.email());

        assertThat(refused).isEqualTo(20);
        assertThat(fromTheStrangersNetwork.body()).as("from there she is told why, with a link")
                .contains("paused", "/login/magic?token=");
        assertThat(fromTheStrangersNetwork.code()).isEmpty();
        assertThat(fresh.body()).as("no pause notice").doesNotContain("paused");
        assertThat(typeCode(jane.email(), fresh.code().orElseThrow(), "198.51.100.30", null).status())
                .isEqualTo(200);
        Figures.record("Wrong codes from one network", "StrangerProofIT.twentyWrongCodesFromOneNetworkDoNotPause"
                + "HerSignInFromAnother", "20 wrong codes from one network (10 counted, then that network is paused "
                + "for her: asking from there brings the pause notice with a link); her code from another network "
                + "signs in");
    }

    @Test
    void addressesInOneIpv6Slash64ShareOneBudget() {
        for (int i = 0; i < 20; i++) {
            assertThat(askForCode("visitor" + i + "@example.com", "2001:db8:7:7::" + Integer.toHexString(i + 1),
                    null).status()).isEqualTo(202);
        }

        assertThat(askForCode("visitor20@example.com", "2001:db8:7:7:abcd:1:2:3", null).status())
                .as("the 21st from the same /64").isEqualTo(429);
        assertThat(askForCode("visitor21@example.com", "2001:db8:7:8::1", null).status())
                .as("the next /64").isEqualTo(202);
        for (int i = 0; i < 60; i++) {
            assertThat(typeCode("guess" + i + "@example.com", "1234", "2001:db8:9:9::" + Integer.toHexString(i + 1),
                    null).status()).isEqualTo(401);
        }
        assertThat(typeCode("guess60@example.com", "1234", "2001:db8:9:9:ffff::1", null).status()).isEqualTo(429);
        Figures.record("IPv6 addresses counted by their /64", "StrangerProofIT.addressesInOneIpv6Slash64ShareOne"
                + "Budget", "20 code requests from 20 addresses of one /64, then 429 for a 21st address in it; 60 "
                + "typed codes likewise; the next /64 has its own");
    }
}
