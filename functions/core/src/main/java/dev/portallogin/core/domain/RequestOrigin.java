package dev.portallogin.core.domain;

import dev.portallogin.core.domain.PortalFailure.ForbiddenOrigin;
import java.util.Locale;
import java.util.Optional;

/**
 * Which site a browser says sent a request: {@code Origin}, and {@code Sec-Fetch-Site} where browsers send it.
 * Requests that set or clear the session cookie must come from the store's own portal, so that no other site can
 * sign a visitor in (login CSRF) or out. A request that carries neither header is not from a browser page, and
 * cross-site forgery needs a browser.
 */
public record RequestOrigin(String origin, String fetchSite) {

    /** A request from no browser page at all (direct invocation, a server, a test). */
    public static RequestOrigin none() {
        return new RequestOrigin(null, null);
    }

    /**
     * For a request no store can be told for: a browser page that names itself ({@code Origin}) must also say it
     * is the same origin as the request ({@code Sec-Fetch-Site}, which every current browser sends with it).
     *
     * @throws ForbiddenOrigin otherwise
     */
    public void requireSameOrigin() {
        Optional<String> site = Optional.ofNullable(fetchSite).map(value -> value.toLowerCase(Locale.ROOT));
        boolean sameOrigin = site.filter(value -> value.equals("same-origin")).isPresent();
        if ((origin != null && !sameOrigin) || (site.isPresent() && !sameOrigin && !site.get().equals("none"))) {
            throw new ForbiddenOrigin();
        }
    }

    /** @throws ForbiddenOrigin when the browser says another site than the store's portal sent it */
    public void requireSameSiteAs(Store store) {
        if (origin != null) {
            if (!origin.toLowerCase(Locale.ROOT).equals(store.portalOrigin())) {
                throw new ForbiddenOrigin();
            }
            return;
        }
        Optional<String> site = Optional.ofNullable(fetchSite).map(value -> value.toLowerCase(Locale.ROOT));
        if (site.isPresent() && !site.get().equals("same-origin") && !site.get().equals("none")) {
            throw new ForbiddenOrigin();
        }
    }
}
