package dev.portallogin.core.http;

import dev.portallogin.core.port.OriginSecret;
import java.util.Optional;

/**
 * The address per-IP limits count: the viewer's, from {@code CloudFront-Viewer-Address}, when the request proves it
 * came through the deployment's CloudFront distribution (header {@value #SECRET_HEADER} holds the origin secret);
 * otherwise API Gateway's source address (behind CloudFront without the secret, that is CloudFront's own).
 */
public final class ClientAddress {

    public static final String SECRET_HEADER = "x-origin-verify";
    public static final String VIEWER_HEADER = "cloudfront-viewer-address";

    private ClientAddress() {
    }

    public static String of(ApiRequest request, OriginSecret secret) {
        Optional<String> viewer = request.header(VIEWER_HEADER).flatMap(ClientAddress::withoutPort);
        Optional<String> presented = request.header(SECRET_HEADER);
        if (viewer.isPresent() && presented.isPresent() && secret.matches(presented.get())) {
            return viewer.get();
        }
        return request.sourceIp();
    }

    /** {@code 198.51.100.10:46532} or {@code 2001:db8::1:46532} without the port. */
    static Optional<String> withoutPort(String value) {
        int colon = value.strip().lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String address = value.strip().substring(0, colon);
        boolean plausible = address.length() <= 45 && address.chars().allMatch(c -> Character.digit(c, 16) >= 0
                || c == '.' || c == ':');
        return plausible ? Optional.of(address) : Optional.empty();
    }
}
