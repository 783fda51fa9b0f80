package dev.portallogin.core.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Where a request came from, as the limits count it. An IPv4 address is one source; an IPv6 address counts by its
 * /64, because one subscriber line gets a whole /64 and can pick any of its 2^64 addresses. Logs name only the
 * network ({@link #label()}: the /24 or the /64), never a full address.
 *
 * @param key   what per-address limits and per-network counts are kept under
 * @param label the /24 or /64 in CIDR form, for log lines
 */
public record SourceNetwork(String key, String label) {

    /** A call that did not come over HTTP (a direct invocation): no address to count. */
    public static final SourceNetwork DIRECT = new SourceNetwork("direct", "direct");

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** The network of {@code address}; {@link #DIRECT} when there is none, and the text itself when unreadable. */
    public static SourceNetwork of(String address) {
        if (address == null || address.isBlank()) {
            return DIRECT;
        }
        String literal = address.strip();
        // Only literals reach InetAddress, so it never looks a name up in DNS.
        if (!IPV4.matcher(literal).matches() && literal.indexOf(':') < 0) {
            return new SourceNetwork(literal, "unreadable");
        }
        try {
            InetAddress parsed = InetAddress.getByName(literal);
            byte[] bytes = parsed.getAddress();
            if (parsed instanceof Inet4Address) {
                return new SourceNetwork(parsed.getHostAddress(),
                        (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24");
            }
            if (parsed instanceof Inet6Address) {
                byte[] prefix = Arrays.copyOf(Arrays.copyOf(bytes, 8), 16);
                String network = InetAddress.getByAddress(prefix).getHostAddress().replaceFirst("(:0)+$", "::")
                        + "/64";
                return new SourceNetwork(network, network);
            }
        } catch (UnknownHostException notALiteral) {
            // Falls through: counted as the text it is.
        }
        return new SourceNetwork(literal, "unreadable");
    }
}
