package dev.portallogin.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.json.Json;
import dev.portallogin.it.support.Figures;
import dev.portallogin.it.support.Parallel;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator.HttpRequest;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The store's ceiling turned against a store: thousands of junk codes cannot lock its customers out. A minute and a
 * half of requests into the one emulator, so it runs with the slow proofs ({@code mvn -B verify -Pslow}, the
 * README's test command), not in a plain {@code mvn -B verify}.
 */
class JunkVolumeIT {

    private final Portal portal = new Portal();
    private final Store store = portal.newStore("US");

    private HttpResponse typeCode(String identifier, String code, String address) {
        return Portal.seen(portal.api.handle(new HttpRequest("POST", "/login/verify", Map.of(),
                Map.of("content-type", "application/json"), Json.write(Map.of("storeId", store.storeId(),
                "identifier", identifier, "code", code)), address)));
    }

    @Test
    void threeThousandJunkCodesFromTwoHundredAddressesLeaveACustomersLiveCodeWorking() throws Exception {
        Customer jane = portal.newCustomer(store, true);
        Customer withoutCode = portal.newCustomer(store, false);
        portal.requestCode(store, jane.email());
        String code = portal.outbox().lastEmailTo(jane.email()).code().orElseThrow();
        List<Callable<Integer>> junk = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            int n = i;
            String address = "192.0." + (2 + n % 200 / 100) + "." + (n % 100 + 1);
            junk.add(() -> switch (n % 3) {
                case 0 -> typeCode("nobody" + n + "@example.com", "1234", address).status();
                case 1 -> typeCode(withoutCode.email(), "1234", address).status();
                default -> typeCode(jane.email(), "12x", address).status();
            });
        }

        List<Integer> answers = Parallel.run(4, junk);

        assertThat(answers).as("junk is refused like any wrong code, never rate limited store-wide")
                .containsOnly(401);
        HttpResponse signedIn = typeCode(jane.email(), code, "198.51.100.10");
        assertThat(signedIn.status()).isEqualTo(200);
        Figures.record("Junk codes never count against real customers", "JunkVolumeIT.threeThousandJunkCodesFrom"
                + "TwoHundredAddressesLeaveACustomersLiveCodeWorking", "3,000 codes typed from 200 addresses in an "
                + "hour (unknown identifiers, a customer without a live code, malformed codes): all 401, the store's "
                + "ceiling of 3,000 untouched; then the customer's live code signs in");
    }
}
