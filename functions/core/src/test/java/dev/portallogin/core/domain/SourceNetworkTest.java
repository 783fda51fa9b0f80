package dev.portallogin.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How limits count where a request came from, and what logs may say of it. */
class SourceNetworkTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "198.51.100.7, 198.51.100.7, 198.51.100.0/24",
        "2001:db8:1:2::1, 2001:db8:1:2::/64, 2001:db8:1:2::/64",
        "2001:db8:1:2:ffff:eeee:dddd:cccc, 2001:db8:1:2::/64, 2001:db8:1:2::/64",
        "2001:DB8:0:0:1::, 2001:db8::/64, 2001:db8::/64",
    })
    void anIpv4AddressCountsAloneAndAnIpv6AddressByItsSlash64(String address, String key, String label) {
        SourceNetwork network = SourceNetwork.of(address);

        assertThat(network.key()).isEqualTo(key);
        assertThat(network.label()).isEqualTo(label);
    }

    @Test
    void noAddressIsADirectCallAndTextThatIsNoAddressIsNeverLookedUp() {
        assertThat(SourceNetwork.of(null)).isEqualTo(SourceNetwork.DIRECT);
        assertThat(SourceNetwork.of("localhost").label()).isEqualTo("unreadable");
        assertThat(SourceNetwork.of("example.com").key()).isEqualTo("example.com");
    }
}
