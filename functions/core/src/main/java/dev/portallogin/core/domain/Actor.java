package dev.portallogin.core.domain;

/**
 * Who did something the audit trail records, and for a support action the reason or ticket the agent gave
 * ({@code reason}, optional, shown in the trail).
 *
 * <ul>
 *   <li>{@code agent}: a support agent over the {@code /admin} HTTP routes, identified by the IAM principal that signed
 *       the request ({@code principal}, and {@code session} for an assumed role); {@code label} is the display name
 *       the dashboard sent, kept beside it and never trusted</li>
 *   <li>{@code trusted-backend}: a direct Lambda invocation by the dashboard's backend, which authenticated the
 *       agent itself; {@code label} is the agent it names</li>
 *   <li>{@code customer}: the customer, signing in or typing a wrong code</li>
 *   <li>{@code mail-system}: bounce and complaint reports from SES</li>
 * </ul>
 */
public record Actor(String type, String principal, String session, String label, String reason) {

    /** The longest reason an agent may give: a sentence or a ticket reference, not a case history. */
    public static final int MAX_REASON_LENGTH = 200;

    public static final String AGENT = "agent";
    public static final String TRUSTED_BACKEND = "trusted-backend";
    public static final String CUSTOMER = "customer";
    public static final String MAIL_SYSTEM = "mail-system";

    /** The agent behind a signed request. */
    public static Actor agent(PrincipalArn principal, String label) {
        return new Actor(AGENT, principal.key(), principal.sessionName(), label, null);
    }

    /** The agent a direct invocation names; only the dashboard's backend may invoke, and it vouches for them. */
    public static Actor trustedBackend(String label) {
        return new Actor(TRUSTED_BACKEND, null, null, label, null);
    }

    public static Actor customer() {
        return new Actor(CUSTOMER, null, null, null, null);
    }

    public static Actor mailSystem() {
        return new Actor(MAIL_SYSTEM, null, null, null, null);
    }

    /** True for a direct invocation: authorised by IAM on the function, not per store. */
    public boolean isTrustedBackend() {
        return TRUSTED_BACKEND.equals(type);
    }

    /**
     * This actor, acting for {@code reason} (blank or absent: none given).
     *
     * @throws PortalFailure.InvalidRequest a reason longer than {@link #MAX_REASON_LENGTH} or with control characters
     */
    public Actor because(String reason) {
        if (reason == null || reason.isBlank()) {
            return this;
        }
        String given = reason.strip();
        if (given.length() > MAX_REASON_LENGTH || given.codePoints().anyMatch(Character::isISOControl)) {
            throw new PortalFailure.InvalidRequest("Field 'reason' must be one line of at most "
                    + MAX_REASON_LENGTH + " characters.");
        }
        return new Actor(type, principal, session, label, given);
    }
}
