package dev.portallogin.verifylink;

import dev.portallogin.core.domain.BrowserToken;
import dev.portallogin.core.domain.PortalFailure.InvalidLink;
import dev.portallogin.core.http.FailureResponses;
import dev.portallogin.verifylink.ConsumeMagicLink.LinkView;
import java.util.Map;

/**
 * The page a magic link opens. Opening it spends nothing (mail scanners fetch and even render links). In the
 * browser that asked for the code its script ({@code web/assets/magic-link.js}) signs in at once; anywhere else it
 * shows whose account and which store the link is for and signs in only when the visitor clicks, which a scanner
 * does not. Without scripts the button is a form post carrying the page's anti-forgery value. The HTML is in the
 * {@code magic-link-*.html} resources beside this class; all URLs are relative to the page, so it works under
 * whatever base path the store's portal URL has.
 */
final class MagicLinkPage {

    /** No inline script at all: only the portal's own script files run, and only same-origin calls go out. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'unsafe-inline'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    private static final PageTemplate DOCUMENT = PageTemplate.load("magic-link-page.html");
    private static final PageTemplate SIGN_IN = PageTemplate.load("magic-link-sign-in.html");
    private static final PageTemplate SIGNED_IN = PageTemplate.load("magic-link-signed-in.html");
    private static final PageTemplate REFUSED = PageTemplate.load("magic-link-refused.html");

    private MagicLinkPage() {
    }

    /**
     * The page for a link: signing in (at once or on a click), already signed in, or refused with the reason.
     *
     * @param form the anti-forgery value the page's form carries (its cookie is set with the page)
     */
    static String render(String token, LinkView view, BrowserToken form) {
        return switch (view.state()) {
            case SIGN_IN_NOW -> signIn(token, view, form, true, "Signing you in to " + view.storeName(),
                    "One moment, please.");
            case CONFIRM -> signIn(token, view, form, false, "Sign in to " + view.storeName(),
                    "Continue as " + (view.sentTo() == null ? "the customer this link was made for"
                            : view.sentTo()) + " to " + view.storeName() + "?");
            case ALREADY_SIGNED_IN -> document(view.storeName(), "You are signed in", SIGNED_IN.fill(Map.of()));
            case REFUSED -> refused(view.refusal());
        };
    }

    /** The page for a link that does not sign in: why, and a new code for the link's store. */
    static String refused(InvalidLink refusal) {
        String retry = refusal.storeId().map(storeId -> "../login?store=" + storeId).orElse("../login");
        return document(refusal.storeName().orElse(null), "This link no longer works", REFUSED.fill(Map.of(
                "message", FailureResponses.answer(refusal).message(), "retry", retry)));
    }

    private static String signIn(String token, LinkView view, BrowserToken form, boolean auto, String title,
                                 String message) {
        return document(view.storeName(), title, SIGN_IN.fill(Map.of("title", title, "message", message,
                "auto", Boolean.toString(auto), "token", token, "form", form.boundTo(token),
                "button", auto ? "Sign in" : "Continue")));
    }

    private static String document(String storeName, String title, String body) {
        return DOCUMENT.fill(Map.of("title", title, "store", storeName == null ? "Customer portal" : storeName,
                "body", body));
    }
}
