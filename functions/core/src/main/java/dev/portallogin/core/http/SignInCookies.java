package dev.portallogin.core.http;

import dev.portallogin.core.domain.BrowserToken;
import java.time.Duration;

/**
 * The short-lived cookies that tie a sign-in to one browser: {@value #BROWSER} marks the browser that asked for a
 * code, so the magic link it was sent signs in there without a click; {@value #FORM} holds the anti-forgery value of
 * the magic-link page's form; {@value #DEVICE} marks a browser that signed in, which limits and pauses caused by
 * others never stop. All {@code __Host-} (Secure, {@code Path=/}, no {@code Domain}) and HttpOnly.
 */
public final class SignInCookies {

    public static final String BROWSER = "__Host-portal_login";
    public static final String FORM = "__Host-portal_form";
    public static final String DEVICE = "__Host-portal_device";

    private SignInCookies() {
    }

    /** Lax: the browser sends it when its owner follows the emailed link from their mail, a top-level navigation. */
    public static String browser(BrowserToken token, Duration lifetime) {
        return BROWSER + "=" + token.value() + "; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age="
                + lifetime.toSeconds();
    }

    /** Lax, like the session: the login page's own requests carry it back. */
    public static String device(BrowserToken token, Duration lifetime) {
        return DEVICE + "=" + token.value() + "; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age="
                + lifetime.toSeconds();
    }

    /** Strict: only the page's own form post carries it back. */
    public static String form(BrowserToken token, Duration lifetime) {
        return FORM + "=" + token.value() + "; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age="
                + lifetime.toSeconds();
    }
}
