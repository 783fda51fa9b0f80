package dev.portallogin.verifylink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.BrowserToken;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.MagicLinkToken;
import dev.portallogin.core.http.SessionCookie;
import dev.portallogin.core.http.SignInCookies;
import dev.portallogin.core.testing.HttpCall;
import dev.portallogin.core.testing.HttpCall.Answer;
import java.util.Map;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The routes of verify-link, as API Gateway calls them. */
class VerifyLinkHandlerTest {

    private static final Pattern FORM_VALUE = Pattern.compile("name=\"form\" value=\"([^\"]+)\"");

    private final SignInFixture world = new SignInFixture();
    private final Customer jane = world.fakes.customer(world.store, "jane@example.com", null);
    private final VerifyLinkHandler handler = new VerifyLinkHandler(world.verifyCode, world.consumeMagicLink,
            world.sessions, world.rememberBrowser, world.fakes.originSecret);

    private static String cookieValue(Answer answer, String name) {
        return answer.cookies().stream().filter(cookie -> cookie.startsWith(name + "="))
                .map(cookie -> cookie.substring(name.length() + 1, cookie.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in " + answer.cookies()));
    }

    private static String formValue(Answer page) {
        Matcher matcher = FORM_VALUE.matcher(page.body());
        assertThat(matcher.find()).as("the page has a sign-in form").isTrue();
        return matcher.group(1);
    }

    private Answer openLink(String token, String cookieHeader) {
        HttpCall call = HttpCall.to("GET /login/magic", "/login/magic").query("token", token);
        return (cookieHeader == null ? call : call.header("cookie", cookieHeader)).sendTo(handler);
    }

    private boolean spent(String token) {
        return world.fakes.logins.findLink(MagicLinkToken.parse(token).orElseThrow().hash()).orElseThrow()
                .usedAt() != null;
    }

    @Test
    void aLinkOpenedWithoutTheAskingBrowsersCookieAsksFirstAndSpendsNothing() {
        String token = world.issue(jane, BrowserToken.generate().hash()).token();

        Answer page = openLink(token, null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Continue as j***@example.com to Store acme").doesNotContain("jane@");
        assertThat(page.headers().get("Content-Security-Policy").toString()).contains("script-src 'self';");
        assertThat(page.body()).doesNotContain("<script>")
                .contains("<script type=\"module\" src=\"../assets/magic-link.js\">");
        assertThat(spent(token)).isFalse();
    }

    @Test
    void theFormAndTheExpiredLinksWordsFollowTheLinkLifetimeThePolicySets() {
        SignInFixture halfHour = new SignInFixture("LINK_TTL_SECONDS", "1800");
        VerifyLinkHandler longerLinks = new VerifyLinkHandler(halfHour.verifyCode, halfHour.consumeMagicLink,
                halfHour.sessions, halfHour.rememberBrowser, halfHour.fakes.originSecret);
        String token = halfHour.issue(halfHour.fakes.customer(halfHour.store, "jo@example.com", null),
                BrowserToken.generate().hash()).token();

        Answer page = HttpCall.to("GET /login/magic", "/login/magic").query("token", token).sendTo(longerLinks);
        halfHour.fakes.clock.advance(Duration.ofMinutes(30));
        Answer expired = HttpCall.to("POST /login/magic", "/login/magic").json(Map.of("token", token))
                .sendTo(longerLinks);

        assertThat(page.cookies()).filteredOn(cookie -> cookie.startsWith(SignInCookies.FORM + "="))
                .singleElement().asString().contains("Max-Age=1800");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json()).containsEntry("reason", "expired")
                .containsEntry("message", "This sign-in link sent to j***@example.com has expired: links work for "
                        + "30 minutes. Ask for a new code to sign in.");
    }

    @Test
    void theClickPostsTheFormWithItsAntiForgeryValueAndLandsInThePortalSignedIn() {
        String token = world.issue(jane, BrowserToken.generate().hash()).token();
        Answer page = openLink(token, null);

        Answer click = HttpCall.to("POST /login/magic", "/login/magic")
                .body("application/x-www-form-urlencoded", "token=" + token + "&form=" + formValue(page))
                .header("cookie", SignInCookies.FORM + "=" + cookieValue(page, SignInCookies.FORM))
                .sendTo(handler);

        assertThat(click.status()).isEqualTo(303);
        assertThat(click.headers()).containsEntry("Location", "../");
        assertThat(cookieValue(click, SessionCookie.NAME)).isNotBlank();
        assertThat(spent(token)).isTrue();
    }

    @Test
    void aFormPostWithoutItsPagesValueIsForbiddenAndSpendsNothing() {
        String token = world.issue(jane, BrowserToken.generate().hash()).token();

        Answer forged = HttpCall.to("POST /login/magic", "/login/magic")
                .body("application/x-www-form-urlencoded", "token=" + token + "&form=guess")
                .sendTo(handler);

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.cookies()).isEmpty();
        assertThat(spent(token)).isFalse();
    }

    @Test
    void theRightCodeSetsTheSessionCookieThatReadsThePortalSession() {
        String code = world.issue(jane, null).code();

        Answer signedIn = HttpCall.to("POST /login/verify", "/login/verify")
                .json(Map.of("storeId", "acme", "identifier", "jane@example.com", "code", code)).sendTo(handler);
        Answer session = HttpCall.to("GET /session", "/session")
                .header("cookie", SessionCookie.NAME + "=" + cookieValue(signedIn, SessionCookie.NAME))
                .sendTo(handler);

        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.cookies()).hasSize(2);
        assertThat(signedIn.cookies().get(0)).startsWith("__Host-portal_session=")
                .contains("HttpOnly", "Secure", "Path=/").doesNotContain("Domain");
        assertThat(signedIn.cookies().get(1)).as("the browser is remembered for 90 days")
                .startsWith(SignInCookies.DEVICE + "=").contains("HttpOnly", "Secure", "Path=/", "Max-Age=7776000")
                .doesNotContain("Domain");
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.json()).containsEntry("customerId", jane.customerId());
    }

    @Test
    void aPagesFormValueSpendsOnlyItsOwnLink() {
        String linkA = world.issue(jane, BrowserToken.generate().hash()).token();
        Answer pageA = openLink(linkA, null);
        String linkB = world.agentLink(jane);

        Answer crossed = HttpCall.to("POST /login/magic", "/login/magic")
                .body("application/x-www-form-urlencoded", "token=" + linkB + "&form=" + formValue(pageA))
                .header("cookie", SignInCookies.FORM + "=" + cookieValue(pageA, SignInCookies.FORM))
                .sendTo(handler);

        assertThat(crossed.status()).isEqualTo(403);
        assertThat(crossed.cookies()).isEmpty();
        assertThat(spent(linkB)).isFalse();
    }

    @Test
    void signingOutFromAnotherSiteIsForbiddenWithOrWithoutASessionAndClearsNothing() {
        Answer signedIn = HttpCall.to("POST /login/verify", "/login/verify")
                .json(Map.of("storeId", "acme", "identifier", "jane@example.com",
                        "code", world.issue(jane, null).code())).sendTo(handler);
        String session = SessionCookie.NAME + "=" + cookieValue(signedIn, SessionCookie.NAME);

        for (String cookie : new String[] {session, null}) {
            for (Map<String, String> headers : java.util.List.of(Map.of("origin", "https://evil.example"),
                    Map.of("sec-fetch-site", "cross-site"), Map.of("sec-fetch-site", "same-site"))) {
                HttpCall call = HttpCall.to("POST /logout", "/logout");
                for (Map.Entry<String, String> header : headers.entrySet()) {
                    call = call.header(header.getKey(), header.getValue());
                }
                Answer answer = (cookie == null ? call : call.header("cookie", cookie)).sendTo(handler);
                assertThat(answer.status()).as(headers + (cookie == null ? " without" : " with") + " a session")
                        .isEqualTo(403);
                assertThat(answer.cookies()).isEmpty();
            }
        }
        Answer ownPage = HttpCall.to("POST /logout", "/logout").header("origin", "https://portal.acme.example")
                .header("sec-fetch-site", "same-origin").header("cookie", session).sendTo(handler);
        assertThat(ownPage.status()).isEqualTo(200);
        assertThat(ownPage.cookies()).singleElement().asString().startsWith(SessionCookie.NAME + "=;");
    }

    @Test
    void aWrongCodeIsAJsonUnauthorizedWithoutACookie() {
        String code = world.issue(jane, null).code();

        Answer answer = HttpCall.to("POST /login/verify", "/login/verify")
                .json(Map.of("storeId", "acme", "identifier", "jane@example.com", "code", SignInFixture.other(code)))
                .sendTo(handler);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error()).isEqualTo("invalid_code");
        assertThat(answer.cookies()).isEmpty();
    }

    @Test
    void aHeadRequestGetsTheHeadersWithoutThePage() {
        String token = world.issue(jane, null).token();

        Answer answer = HttpCall.to("HEAD /login/magic", "/login/magic").query("token", token).sendTo(handler);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isNullOrEmpty();
        assertThat(spent(token)).isFalse();
    }

    @Test
    void aRouteKeyTheFunctionDoesNotServeIsAJsonNotFound() {
        Answer answer = HttpCall.to("GET /login/verify", "/login/verify").sendTo(handler);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.error()).isEqualTo("not_found");
    }
}
