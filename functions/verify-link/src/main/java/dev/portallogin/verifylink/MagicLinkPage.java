package dev.portallogin.verifylink;

import dev.portallogin.core.domain.Digests;
import dev.portallogin.core.domain.LoginMessages;
import dev.portallogin.core.domain.MagicLinkToken;
import java.util.Optional;

/**
 * The page a magic link opens. Opening it spends nothing (mail scanners fetch and even render links): its script
 * signs in with one POST, and a plain button does the same when scripts are off. All URLs are relative to the page,
 * so the page works under whatever base path the store's portal URL has.
 */
final class MagicLinkPage {

    private static final String SCRIPT = """
            (function () {
              var form = document.getElementById('signin');
              var title = document.getElementById('title');
              var message = document.getElementById('message');
              function refused(body) {
                title.textContent = 'This link no longer works';
                message.textContent = body.message;
                form.hidden = true;
                var retry = document.getElementById('retry');
                if (body.storeId) {
                  var next = new URL('../login', location.href);
                  next.searchParams.set('store', body.storeId);
                  if (body.identifier) { next.searchParams.set('identifier', body.identifier); }
                  retry.querySelector('a').href = next.pathname + next.search;
                }
                retry.hidden = false;
              }
              function signIn() {
                form.hidden = true;
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
                  form.hidden = false;
                  message.textContent = 'We could not reach the server. Check your connection and try again.';
                });
              }
              form.addEventListener('submit', function (event) { event.preventDefault(); signIn(); });
              signIn();
            })();
            """;

    /** Only this exact script may run on the page. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'sha256-" + Digests.sha256Base64(SCRIPT)
            + "'; style-src 'unsafe-inline'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    private MagicLinkPage() {
    }

    /** The landing page for a well-formed token, or the "not a valid link" page. */
    static String render(Optional<MagicLinkToken> token) {
        if (token.isEmpty()) {
            return refused("This link is not complete. Copy the whole link from the email, or ask for a new code.");
        }
        return document("Signing you in…", """
                <h1 id="title">Signing you in…</h1>
                <p id="message">One moment, please.</p>
                <form id="signin" method="post" action="magic">
                  <input type="hidden" name="token" value="%s">
                  <button type="submit">Sign in</button>
                </form>
                <p id="retry" hidden><a href="../login">Send me a new code</a></p>
                <script>%s</script>
                """.formatted(LoginMessages.escape(token.get().value()), SCRIPT));
    }

    /** The page a no-script sign-in lands on when the link does not work. */
    static String refused(String message) {
        return document("This link no longer works", """
                <h1>This link no longer works</h1>
                <p>%s</p>
                <p><a href="../login">Send me a new code</a></p>
                """.formatted(LoginMessages.escape(message)));
    }

    private static String document(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <meta name="robots" content="noindex">
                <title>%s</title>
                <style>
                  body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 4rem auto; padding: 0 1rem; }
                  button { font-size: 1rem; padding: .6rem 1.4rem; }
                </style>
                </head>
                <body>
                <main>
                %s</main>
                </body>
                </html>
                """.formatted(LoginMessages.escape(title), body);
    }
}
