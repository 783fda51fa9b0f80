package dev.portallogin.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How signing in behaves: code length and lifetimes, link and session lifetimes, tries, pauses and limits. Read
 * once from the environment; {@link #DEFAULTS} is the one set of defaults (the README's configuration table and
 * the template state the same, which a test holds them to). Everything that follows from these values (cookie
 * lifetimes, a sentence naming a lifetime, the tries a page shows) is derived here or from these accessors, never
 * copied as a constant.
 */
public record LoginPolicy(
        int codeLength,
        Duration codeLifetime,
        Duration linkLifetime,
        Duration sessionLifetime,
        int maxCodeAttempts,
        int maxConsecutiveCodeFailures,
        int maxCodeFailuresPerNetwork,
        Duration codeLockDuration,
        Duration deviceLifetime,
        List<RateLimit> identifierLimits,
        List<RateLimit> customerCodeLimits,
        List<RateLimit> sourceIpLimits,
        List<RateLimit> verifyIpLimits,
        RateLimit storeVerifyLimit) {

    /** Each setting's environment variable and its default, in the README's order. */
    public static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("CODE_LENGTH", "4");
        defaults.put("CODE_TTL_SECONDS", "600");
        defaults.put("LINK_TTL_SECONDS", "600");
        defaults.put("SESSION_TTL_SECONDS", "604800");
        defaults.put("MAX_CODE_ATTEMPTS", "5");
        defaults.put("MAX_CONSECUTIVE_CODE_FAILURES", "20");
        defaults.put("MAX_CODE_FAILURES_PER_NETWORK", "10");
        defaults.put("CODE_LOCK_SECONDS", "86400");
        defaults.put("DEVICE_TTL_SECONDS", "7776000");
        defaults.put("IDENTIFIER_RATE_LIMITS", "1/60,5/3600,10/86400");
        defaults.put("CUSTOMER_CODE_LIMITS", "30/86400");
        defaults.put("SOURCE_IP_RATE_LIMITS", "20/3600");
        defaults.put("VERIFY_IP_RATE_LIMITS", "60/3600");
        defaults.put("STORE_VERIFY_RATE_LIMIT", "3000/3600");
        return Collections.unmodifiableMap(defaults);
    }

    public LoginPolicy {
        LoginCode.requireSupportedLength(codeLength);
        if (maxCodeAttempts < 1) {
            throw new IllegalArgumentException("MAX_CODE_ATTEMPTS must be at least 1");
        }
        identifierLimits = List.copyOf(identifierLimits);
        customerCodeLimits = List.copyOf(customerCodeLimits);
        sourceIpLimits = List.copyOf(sourceIpLimits);
        verifyIpLimits = List.copyOf(verifyIpLimits);
    }

    /** The policy the environment sets, each value it leaves out at its default; a bad value stops init. */
    public static LoginPolicy from(Map<String, String> environment) {
        Map<String, String> env = new LinkedHashMap<>(DEFAULTS);
        environment.forEach((name, value) -> {
            if (DEFAULTS.containsKey(name) && value != null && !value.isBlank()) {
                env.put(name, value.strip());
            }
        });
        return new LoginPolicy(
                Integer.parseInt(env.get("CODE_LENGTH")),
                seconds(env, "CODE_TTL_SECONDS"),
                seconds(env, "LINK_TTL_SECONDS"),
                seconds(env, "SESSION_TTL_SECONDS"),
                Integer.parseInt(env.get("MAX_CODE_ATTEMPTS")),
                Integer.parseInt(env.get("MAX_CONSECUTIVE_CODE_FAILURES")),
                Integer.parseInt(env.get("MAX_CODE_FAILURES_PER_NETWORK")),
                seconds(env, "CODE_LOCK_SECONDS"),
                seconds(env, "DEVICE_TTL_SECONDS"),
                RateLimit.parseList(env.get("IDENTIFIER_RATE_LIMITS")),
                RateLimit.parseList(env.get("CUSTOMER_CODE_LIMITS")),
                RateLimit.parseList(env.get("SOURCE_IP_RATE_LIMITS")),
                RateLimit.parseList(env.get("VERIFY_IP_RATE_LIMITS")),
                RateLimit.parseList(env.get("STORE_VERIFY_RATE_LIMIT")).get(0));
    }

    public static LoginPolicy fromEnvironment() {
        return from(System.getenv());
    }

    /**
     * How long the browser that asked for a code is remembered ({@code __Host-portal_login}): as long as the code
     * or the link it asked for can still be used, so zero-click sign-in works for the link's whole life.
     */
    public Duration signInBrowserLifetime() {
        return codeLifetime.compareTo(linkLifetime) >= 0 ? codeLifetime : linkLifetime;
    }

    /**
     * How long a customer waits after asking for a code before she may ask again from the same place: the longest
     * window of the identifier limits that allow one request, or nothing when none does.
     */
    public Duration waitBetweenCodes() {
        return identifierLimits.stream().filter(limit -> limit.count() == 1).map(RateLimit::window)
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /**
     * Until when code sign-in is paused for {@code customer} for browsers she never signed in with, after
     * {@link #maxConsecutiveCodeFailures} wrong codes in a row; empty when it is not paused at {@code now}.
     */
    public Optional<Instant> codeSignInPausedUntil(Customer customer, Instant now) {
        return customer.codeLoginLockedUntil(maxConsecutiveCodeFailures, codeLockDuration).filter(now::isBefore);
    }

    /** How long a magic-link page's form may be sent: as long as a link lives. */
    public Duration linkFormLifetime() {
        return linkLifetime;
    }

    private static Duration seconds(Map<String, String> env, String name) {
        return Duration.ofSeconds(Long.parseLong(env.get(name)));
    }
}
