package dev.portallogin.verifylink;

import dev.portallogin.core.domain.BrowserToken;
import dev.portallogin.core.domain.Digests;
import dev.portallogin.core.domain.LoginMessages;
import dev.portallogin.core.domain.PortalFailure.InvalidLink;
import dev.portallogin.core.http.FailureResponses;
import dev.portallogin.verifylink.ConsumeMagicLink.LinkView;

/**
 * The page a magic link opens. Opening it spends nothing (mail scanners fetch and even render links). In the
 * browser that asked for the code its script signs in at once; anywhere else it shows whose account and which store
 * the link is for and signs in only when the visitor clicks, which a scanner does not. Without scripts the button is
 * a form post carrying the page's anti-forgery value. All URLs are relative to the page, so it works under whatever
 * base path the store's portal URL has.
 */
final class MagicLinkPage {

    private static final String SCRIPT = """
            (function () {
              var form = document.getElementById('signin');
              if (!form) { return; }
              var title = document.getElementById('title');
              var message = document.getElementById('message');
              var button = form.querySelector('button');
              function refused(body) {
                title.textContent = 'This link no longer works';
                document.title = title.textContent;
                message.textContent = body.message;
                form.hidden = true;
                var retry = document.getElementById('retry');
                if (body.storeId) {
                  retry.querySelector('a').href = '../login?store=' + encodeURIComponent(body.storeId);
                }
                retry.hidden = false;
                retry.querySelector('a').focus();
              }
              function signIn() {
                button.disabled = true;
                fetch('magic', {
                  method: 'POST',
                  credentials: 'same-origin',
                  headers: {'Content-Type': 'application/json'},
                  body: JSON.stringify({token: form.elements.token.value})
                }).then(function (response) {
                  if (response.ok) {
                    title.textContent = 'You are signed in';
                    location.replace(new URL('../', location.href).href);
                    return;
                  }
                  return response.json().then(refused);
                }).catch(function () {
                  button.disabled = false;
                  message.textContent = 'We could not reach the server. Check your connection and try again.';
                });
              }
              form.addEventListener('submit', function (event) { event.preventDefault(); signIn(); });
              if (form.dataset.auto === 'true') { signIn(); } else { button.focus(); }
            })();
            """;

    /** Only this exact script may run on the page. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'sha256-"
            + Digests.sha256Base64(SCRIPT)
            + "'; style-src 'unsafe-inline'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    private static final String STYLE = """
            :root { --accent: #1a56db; --muted: #667085; --line: #e4e7ec; }
            * { box-sizing: border-box; }
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #101828;
                   background: #f9fafb; }
            header { background: #fff; border-bottom: 1px solid var(--line); padding: .8rem 1.5rem; }
            header p { margin: 0; font-weight: 600; }
            main { max-width: 28rem; margin: 2rem auto; padding: 0 1rem; }
            .card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 1.4rem; }
            h1 { font-size: 1.3rem; margin: 0 0 .8rem; }
            button, a.button { display: inline-block; font-size: 1rem; padding: .6rem 1.4rem; border-radius: 6px;
                     border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer;
                     text-decoration: none; }
            button:disabled { opacity: .5; cursor: wait; }
            button:focus-visible, a:focus-visible { outline: 3px solid #84adff; outline-offset: 2px; }
            .muted { color: var(--muted); font-size: .9rem; }
            [hidden] { display: none !important; }
            """;

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
            case ALREADY_SIGNED_IN -> document(view.storeName(), "You are signed in", """
                    <h1 id="title">You are signed in</h1>
                    <p>This link was used already, and you are signed in on this device.</p>
                    <p><a class="button" href="../">Go to your account</a></p>
                    """);
            case REFUSED -> refused(view.refusal());
        };
    }

    /** The page for a link that does not sign in: why, and a new code for the link's store. */
    static String refused(InvalidLink refusal) {
        String retry = refusal.storeId().map(storeId -> "../login?store=" + storeId).orElse("../login");
        return document(refusal.storeName().orElse(null), "This link no longer works", """
                <h1 id="title">This link no longer works</h1>
                <p id="message">%s</p>
                <p><a class="button" href="%s">Send me a new code</a></p>
                """.formatted(LoginMessages.escape(FailureResponses.answer(refusal).message()),
                LoginMessages.escape(retry)));
    }

    private static String signIn(String token, LinkView view, BrowserToken form, boolean auto, String title,
                                 String message) {
        return document(view.storeName(), title, """
                <h1 id="title">%s</h1>
                <p id="message">%s</p>
                <form id="signin" method="post" action="magic" data-auto="%s">
                  <input type="hidden" name="token" value="%s">
                  <input type="hidden" name="form" value="%s">
                  <button type="submit">%s</button>
                </form>
                <p id="retry" hidden><a class="button" href="../login">Send me a new code</a></p>
                <p class="muted">Did not ask to sign in? Close this page; nothing happens unless you continue.</p>
                <script>%s</script>
                """.formatted(LoginMessages.escape(title), LoginMessages.escape(message), auto,
                LoginMessages.escape(token), form.boundTo(token), auto ? "Sign in" : "Continue", SCRIPT));
    }

    private static String document(String storeName, String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <meta name="robots" content="noindex">
                <title>%s</title>
                <style>%s</style>
                </head>
                <body>
                <header><p>%s</p></header>
                <main class="card">
                %s</main>
                </body>
                </html>
                """.formatted(LoginMessages.escape(title), STYLE,
                LoginMessages.escape(storeName == null ? "Customer portal" : storeName), body);
    }
}
