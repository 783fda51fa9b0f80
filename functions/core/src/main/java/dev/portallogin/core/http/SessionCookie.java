package dev.portallogin.core.http;

import dev.portallogin.core.domain.Session;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code portal_session} cookie and the JSON document that answers a successful sign-in. */
public final class SessionCookie {

    public static final String NAME = "portal_session";

    private SessionCookie() {
    }

    public static String issue(Session session) {
        return NAME + "=" + session.token().value() + "; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age="
                + session.lifetime().toSeconds();
    }

    public static String clear() {
        return NAME + "=; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age=0";
    }

    public static Map<String, Object> document(Session session) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("customerId", session.customerId());
        document.put("storeId", session.storeId());
        document.put("expiresAt", session.expiresAt().toString());
        return document;
    }

    /** 200 with the session document and the cookie. */
    public static ApiResponse signedIn(Session session) {
        return ApiResponse.json(200, document(session)).withCookie(issue(session));
    }
}
