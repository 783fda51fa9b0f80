package dev.portallogin.verifylink;

import dev.portallogin.core.domain.BrowserToken;
import dev.portallogin.core.domain.Session;
import dev.portallogin.core.log.Log;
import dev.portallogin.core.port.TrustedDevices;
import dev.portallogin.core.port.TrustedDevices.TrustedDevice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * After a sign-in, remembers the browser it happened in (the hash of a long-lived device cookie), so that limits and
 * pauses strangers cause never stop the customer there later.
 *
 * @param lifetime how long the browser stays trusted ({@code DEVICE_TTL_SECONDS})
 */
public record RememberBrowser(TrustedDevices devices, Duration lifetime, Clock clock) {

    /**
     * The device cookie's value for the browser that just signed in; empty when it could not be remembered (the
     * sign-in stands: it only goes without the cookie).
     */
    public Optional<BrowserToken> remember(Session session) {
        BrowserToken device = BrowserToken.generate();
        Instant now = clock.instant();
        try {
            devices.remember(new TrustedDevice(device.hash(), session.storeId(), session.customerId(), now,
                    now.plus(lifetime)));
            return Optional.of(device);
        } catch (RuntimeException notRemembered) {
            Log.warn("device_not_remembered", "type", notRemembered.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
