package dev.portallogin.verifylink;

import dev.portallogin.core.config.Config;
import dev.portallogin.core.domain.MagicLinkToken;
import dev.portallogin.core.domain.PortalFailure.InvalidLink;
import dev.portallogin.core.domain.Session;
import dev.portallogin.core.log.Log;
import dev.portallogin.core.port.LoginStore;
import dev.portallogin.core.port.LoginStore.StoredLink;
import java.time.Clock;
import java.time.Instant;

/** A customer follows a magic link: the link is spent and a session starts, both or neither. */
public final class ConsumeMagicLink {

    private final LoginStore logins;
    private final Config config;
    private final Clock clock;

    public ConsumeMagicLink(LoginStore logins, Config config, Clock clock) {
        this.logins = logins;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @return the new session
     * @throws InvalidLink malformed, unknown, used, replaced, expired or revoked link
     */
    public Session consume(String rawToken) {
        MagicLinkToken token = MagicLinkToken.parse(rawToken).orElseThrow(() -> refused("malformed"));
        StoredLink link = logins.findLink(token.hash()).orElseThrow(() -> refused("unknown"));
        Instant now = clock.instant();
        if (!now.isBefore(link.expiresAt())) {
            throw refused("expired");
        }
        String method = "agent".equals(link.source()) ? "agent-link" : "link";
        Session session = Session.start(link.storeId(), link.customerId(), method, now, config.sessionLifetime());
        if (!logins.consumeLink(link, session, now)) {
            throw refused("spent_replaced_or_revoked");
        }
        Log.info("signed_in", "store", link.storeId(), "customer", link.customerId(), "method", method);
        return session;
    }

    private static InvalidLink refused(String reason) {
        Log.info("link_refused", "reason", reason);
        return new InvalidLink();
    }
}
