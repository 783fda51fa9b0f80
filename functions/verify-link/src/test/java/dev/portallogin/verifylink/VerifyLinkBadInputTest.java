package dev.portallogin.verifylink;

import static dev.portallogin.core.testing.gen.Tries.tries;

import dev.portallogin.core.http.SessionCookie;
import dev.portallogin.core.json.Json;
import dev.portallogin.core.testing.BadInput;
import dev.portallogin.core.testing.HttpCall;
import dev.portallogin.core.testing.gen.Gen;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** verify-link's routes under hostile input: every answer from the contract, never a 5xx. */
class VerifyLinkBadInputTest {

    private static final String EMAIL = "jane@example.com";
    private static final String PHONE = "+12015550123";

    /** A handler whose customer has her code and link issued, nothing guessed, no limit spent. */
    private static VerifyLinkHandler freshHandler() {
        SignInFixture world = new SignInFixture();
        world.issue(world.fakes.customer(world.store, EMAIL, PHONE), null);
        return new VerifyLinkHandler(world.verifyCode, world.consumeMagicLink, world.sessions,
                world.rememberBrowser, world.fakes.originSecret);
    }

    private static void postLoginVerify(String body) {
        BadInput.assertJsonPostWithinContract(freshHandler(), "POST /login/verify", body);
    }

    private static void postLoginMagic(String body) {
        BadInput.assertJsonPostWithinContract(freshHandler(), "POST /login/magic", body);
    }

    private static void getLoginMagic(String token) {
        BadInput.assertWithinContract(token, HttpCall.to("GET /login/magic", "/login/magic").query("token", token)
                .sendTo(freshHandler()));
    }

    private static void getSession(String cookie) {
        BadInput.assertWithinContract(cookie, HttpCall.to("GET /session", "/session")
                .header("cookie", SessionCookie.NAME + "=" + cookie).sendTo(freshHandler()));
    }

    @Test
    void generatedVerifyRequests() {
        tries(BadInput.TRIES, BadInput.bodies(Map.of("storeId", BadInput.storeIds("acme"),
                "identifier", BadInput.identifiers(EMAIL, PHONE),
                "code", Gen.strings("0123456789", 0, 10).any())), VerifyLinkBadInputTest::postLoginVerify);
    }

    @Test
    void generatedLinkRequests() {
        tries(BadInput.TRIES, BadInput.bodies(Map.of("token", BadInput.tokens().any())),
                VerifyLinkBadInputTest::postLoginMagic);
    }

    @Test
    void generatedLinksAndSessions() {
        tries(BadInput.TRIES, BadInput.tokens(), token -> {
            getLoginMagic(token);
            getSession(token);
        });
    }

    @ParameterizedTest
    @FieldSource("dev.portallogin.core.testing.BadInput#NASTY")
    void nastyFieldsLinksAndCookies(String nasty) {
        postLoginVerify(Json.write(Map.of("storeId", "acme", "identifier", nasty, "code", "1234")));
        postLoginVerify(Json.write(Map.of("storeId", nasty, "identifier", EMAIL, "code", "1234")));
        postLoginVerify(Json.write(Map.of("storeId", "acme", "identifier", EMAIL, "code", nasty)));
        postLoginMagic(Json.write(Map.of("token", nasty)));
        getLoginMagic(nasty);
        getSession(nasty);
    }

    @ParameterizedTest
    @FieldSource({"dev.portallogin.core.testing.BadInput#HUGE_BODIES", "dev.portallogin.core.testing.BadInput#NOT_OBJECTS"})
    void bodiesThatAreNotRequests(String body) {
        postLoginVerify(body);
        postLoginMagic(body);
    }
}
