package dev.portallogin.verifylink;

import dev.portallogin.core.domain.Brand;
import dev.portallogin.core.domain.BrowserToken;
import dev.portallogin.core.domain.Language;
import dev.portallogin.core.domain.PortalFailure.InvalidLink;
import dev.portallogin.core.http.FailureResponses;
import dev.portallogin.verifylink.ConsumeMagicLink.LinkView;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The page a magic link opens. Opening it spends nothing (mail scanners fetch and even render links). In the
 * browser that asked for the code its script ({@code web/assets/magic-link.js}) signs in at once; anywhere else it
 * shows whose account and which store the link is for and signs in only when the visitor clicks, which a scanner
 * does not. Without scripts the button is a form post carrying the page's anti-forgery value. The HTML is in the
 * {@code magic-link-*.html} resources beside this class, its words in {@code MagicLinkPage*.properties} (the
 * language the browser prefers among the store's); all URLs are relative to the page, so it works under whatever
 * base path the store's portal URL has.
 */
final class MagicLinkPage {

    /** No inline script at all: only the portal's own script files run, and only same-origin calls go out. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'unsafe-inline'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    private static final String BUNDLE = "dev.portallogin.verifylink.MagicLinkPage";
    private static final PageTemplate DOCUMENT = PageTemplate.load("magic-link-page.html");
    private static final PageTemplate SIGN_IN = PageTemplate.load("magic-link-sign-in.html");
    private static final PageTemplate SIGNED_IN = PageTemplate.load("magic-link-signed-in.html");
    private static final PageTemplate REFUSED = PageTemplate.load("magic-link-refused.html");

    private MagicLinkPage() {
    }

    /**
     * The page for a link: signing in (at once or on a click), already signed in, or refused with the reason.
     *
     * @param form           the anti-forgery value the page's form carries (its cookie is set with the page)
     * @param acceptLanguage the browser's languages: the page is in the first the store speaks
     */
    static String render(String token, LinkView view, BrowserToken form, String acceptLanguage) {
        Words words = new Words(Language.choose(null, acceptLanguage, view.brand()));
        String store = view.storeName();
        return switch (view.state()) {
            case SIGN_IN_NOW -> signIn(token, view, form, words, true, words.say("signing_in.title", store),
                    words.say("signing_in.message"));
            case CONFIRM -> signIn(token, view, form, words, false, words.say("confirm.title", store),
                    view.sentTo() == null ? words.say("confirm.message.nameless", store)
                            : words.say(view.agentLink() ? "confirm.agent" : "confirm.message", store,
                                    view.sentTo()));
            case ALREADY_SIGNED_IN -> document(words, view.brand(), store, words.say("signed_in.title"),
                    SIGNED_IN.fill(Map.of("title", words.say("signed_in.title"),
                            "message", words.say("signed_in.body"), "go", words.say("signed_in.go"))));
            case REFUSED -> refused(view.refusal(), view.brand(), acceptLanguage);
        };
    }

    /** The page for a link that does not sign in: why, and a new code for the link's store. */
    static String refused(InvalidLink refusal, Brand brand, String acceptLanguage) {
        // A link of no known store may be answered in any language this service speaks.
        Words words = new Words(Language.fromBrowser(acceptLanguage,
                brand == Brand.NONE ? Language.SUPPORTED : brand.languages()).orElse(brand.defaultLanguage()));
        String retry = refusal.storeId().map(storeId -> "../login?store=" + storeId).orElse("../login");
        return document(words, brand, refusal.storeName().orElse(null), words.say("refused.title"),
                REFUSED.fill(Map.of("title", words.say("refused.title"),
                        "message", FailureResponses.answer(refusal, words.language()).message(),
                        "href", retry, "retry", words.say("retry"))));
    }

    private static String signIn(String token, LinkView view, BrowserToken form, Words words, boolean auto,
                                 String title, String message) {
        return document(words, view.brand(), view.storeName(), title, SIGN_IN.fill(Map.ofEntries(
                Map.entry("title", title), Map.entry("message", message), Map.entry("auto", Boolean.toString(auto)),
                Map.entry("token", token), Map.entry("form", form.boundTo(token)),
                Map.entry("button", words.say(auto ? "button.sign_in" : "button.continue")),
                Map.entry("refused", words.say("refused.title")), Map.entry("signedin", words.say("signed_in.title")),
                Map.entry("offline", words.say("offline")), Map.entry("failed", words.say("failed")),
                Map.entry("retry", words.say("retry")), Map.entry("scanner", words.say("scanner")))));
    }

    private static String document(Words words, Brand brand, String storeName, String title, String body) {
        return DOCUMENT.fill(Map.of("lang", words.language(), "title", title, "accent", brand.accent(),
                "store", storeName == null ? words.say("portal") : storeName, "body", body));
    }

    /** The page's sentences in one language. */
    private record Words(String language) {
        String say(String key, Object... arguments) {
            Locale locale = Language.locale(language);
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return new MessageFormat(bundle.getString(key), locale).format(arguments);
        }
    }
}
