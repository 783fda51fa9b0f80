package dev.portallogin.verifylink;

import dev.portallogin.core.http.SessionCookie;
import dev.portallogin.core.testing.BadInput;
import dev.portallogin.core.testing.HttpCall;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeTry;

/** verify-link's routes under hostile input (jqwik): every answer from the contract, never a 5xx. */
class VerifyLinkBadInputTest {

    private static final String EMAIL = "jane@example.com";
    private static final String PHONE = "+12015550123";

    private SignInFixture world;
    private VerifyLinkHandler handler;

    /** Each try starts with the customer's code and link issued, nothing guessed, no limit spent. */
    @BeforeTry
    void freshPorts() {
        world = new SignInFixture();
        world.issue(world.fakes.customer(world.store, EMAIL, PHONE), null);
        handler = new VerifyLinkHandler(world.verifyCode, world.consumeMagicLink, world.sessions,
                world.rememberBrowser, world.fakes.originSecret);
    }

    @Property(tries = BadInput.TRIES)
    void postLoginVerify(@ForAll("verifyRequests") String body) {
        BadInput.assertJsonPostWithinContract(handler, "POST /login/verify", body);
    }

    @Property(tries = BadInput.TRIES)
    void postLoginMagic(@ForAll("linkRequests") String body) {
        BadInput.assertJsonPostWithinContract(handler, "POST /login/magic", body);
    }

    @Property(tries = BadInput.TRIES)
    void getLoginMagic(@ForAll("tokens") String token) {
        BadInput.assertWithinContract(token, HttpCall.to("GET /login/magic", "/login/magic").query("token", token)
                .sendTo(handler));
    }

    @Property(tries = BadInput.TRIES)
    void getSession(@ForAll("tokens") String cookie) {
        BadInput.assertWithinContract(cookie, HttpCall.to("GET /session", "/session")
                .header("cookie", SessionCookie.NAME + "=" + cookie).sendTo(handler));
    }

    @Example
    void hugeAndDeepBodies() {
        freshPorts();
        BadInput.HUGE_BODIES.forEach(body -> {
            postLoginVerify(body);
            postLoginMagic(body);
        });
    }

    @Provide
    Arbitrary<String> verifyRequests() {
        return BadInput.bodies(Map.of("storeId", BadInput.storeIds("acme"),
                "identifier", BadInput.identifiers(EMAIL, PHONE),
                "code", Arbitraries.strings().numeric().ofMaxLength(10).map(value -> value)));
    }

    @Provide
    Arbitrary<String> linkRequests() {
        return BadInput.bodies(Map.of("token", BadInput.tokens().map(value -> value)));
    }

    @Provide
    Arbitrary<String> tokens() {
        return BadInput.tokens();
    }
}
