package dev.portallogin.core.port;

/**
 * The value CloudFront adds to every request it forwards to the API (an origin custom header). A request that
 * carries it came through CloudFront, so the viewer address CloudFront reports is the caller's; without it, anyone
 * could claim any address.
 */
public interface OriginSecret {

    /** Whether {@code presented} is the secret, compared in constant time; false when none is configured. */
    boolean matches(String presented);
}
