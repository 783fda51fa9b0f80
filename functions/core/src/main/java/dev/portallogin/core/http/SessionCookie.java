package dev.portallogin.core.http;

import dev.portallogin.core.domain.Session;

/**
 * The {@code __Host-portal_session} cookie. The {@code __Host-} prefix makes browsers accept it only with
 * {@code Secure}, {@code Path=/} and no {@code Domain}: no sibling subdomain can set or overwrite it.
 */
public final class SessionCookie {

    public static final String NAME = "__Host-portal_session";

    private SessionCookie() {
    }

    public static String issue(Session session) {
        return NAME + "=" + session.token().value() + "; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age="
                + session.lifetime().toSeconds();
    }

    public static String clear() {
        return NAME + "=; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age=0";
    }

    /** 200 with the session document and the cookie. */
    public static ApiResponse signedIn(Session session) {
        return ApiResponse.json(200, Documents.session(session.storeId(), session.customerId(), session.expiresAt()))
                .withCookie(issue(session));
    }
}
