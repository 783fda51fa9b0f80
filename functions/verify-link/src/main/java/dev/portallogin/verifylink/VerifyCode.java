package dev.portallogin.verifylink;

import dev.portallogin.core.config.Config;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Identifier;
import dev.portallogin.core.domain.LoginCode;
import dev.portallogin.core.domain.PortalFailure.InvalidCode;
import dev.portallogin.core.domain.PortalFailure.InvalidIdentifier;
import dev.portallogin.core.domain.PortalFailure.UnknownStore;
import dev.portallogin.core.domain.Session;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.log.Log;
import dev.portallogin.core.log.Metrics;
import dev.portallogin.core.port.CodeKey;
import dev.portallogin.core.port.CustomerDirectory;
import dev.portallogin.core.port.LoginStore;
import dev.portallogin.core.port.LoginStore.StoredCode;
import java.time.Clock;
import java.time.Instant;

/**
 * A customer types the code they received. The code is only ever checked for the customer the identifier names,
 * and the attempt is counted before the comparison, so parallel guesses cannot exceed the attempt limit.
 */
public final class VerifyCode {

    private final CustomerDirectory directory;
    private final LoginStore logins;
    private final CodeKey codeKey;
    private final Config config;
    private final Clock clock;

    public VerifyCode(CustomerDirectory directory, LoginStore logins, CodeKey codeKey, Config config, Clock clock) {
        this.directory = directory;
        this.logins = logins;
        this.codeKey = codeKey;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @return the new session
     * @throws InvalidCode       wrong, expired, used, replaced, revoked or exhausted code, or unknown customer
     * @throws InvalidIdentifier neither an email address nor a phone number
     * @throws UnknownStore      the store does not exist
     */
    public Session verify(String storeId, String rawIdentifier, String rawCode) {
        Store store = directory.findStore(storeId).orElseThrow(UnknownStore::new);
        Identifier identifier = Identifier.parse(rawIdentifier, store.defaultCountry())
                .orElseThrow(InvalidIdentifier::new);
        LoginCode code = LoginCode.parse(rawCode, config.codeLength()).orElseThrow(InvalidCode::new);
        Customer customer = directory.findCustomer(storeId, identifier).orElseThrow(() -> refused("unknown_customer"));
        if (customer.codeLoginLocked(config.maxConsecutiveCodeFailures())) {
            throw refused("code_login_locked");
        }
        Instant now = clock.instant();

        StoredCode stored = logins.countCodeAttempt(storeId, customer.customerId(), config.maxCodeAttempts(), now)
                .orElseThrow(() -> refused("no_live_code"));
        Log.info("code_compared", "attempt", stored.attempts());
        if (!code.matches(stored.hmac(), codeKey.bytes(), storeId, customer.customerId(), stored.codeId())) {
            directory.recordCodeFailure(storeId, customer.customerId());
            throw refused("wrong_code");
        }
        Session session = Session.start(storeId, customer.customerId(), "code", now, config.sessionLifetime());
        if (!logins.consumeCode(stored, session)) {
            throw refused("code_already_spent");
        }
        Log.info("signed_in", "store", storeId, "customer", customer.customerId(), "method", "code");
        Metrics.count("Logins", "Method", "code");
        return session;
    }

    private static InvalidCode refused(String reason) {
        Log.info("code_refused", "reason", reason);
        Metrics.count("LoginFailures", "Reason", reason);
        return new InvalidCode();
    }
}
