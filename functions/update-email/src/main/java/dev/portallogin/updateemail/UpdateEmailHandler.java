package dev.portallogin.updateemail;

import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Priming;
import dev.portallogin.core.domain.LoginPolicy;
import dev.portallogin.core.http.SupportActions;
import dev.portallogin.core.http.SupportActions.Action;
import dev.portallogin.core.http.SupportFunction;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The support actions that change a customer, each audited with its caller and reason. One action table serves the
 * IAM-authorised {@code /admin/stores/...} routes and the dashboard backend's direct invocations (their
 * {@code action}; a direct call must name its agent in {@code agentId}):
 * <ul>
 *   <li>{@code PUT .../customers/{customerId}/email} {@code {"email"}} — {@code update-email} (the default)</li>
 *   <li>{@code POST .../customers/{customerId}/revoke} — {@code revoke}</li>
 *   <li>{@code POST .../customers/{customerId}/unlock} — {@code unlock}</li>
 * </ul>
 * The reads (stores, search, profile, trail) are {@code support-lookup}'s.
 */
public final class UpdateEmailHandler extends SupportFunction {

    private static final String CUSTOMER = "/admin/stores/{storeId}/customers/{customerId}";

    private final SupportActions actions;

    /** Lambda's constructor: see {@link Priming#lambdaClients}. */
    public UpdateEmailHandler() {
        this(Priming.lambdaClients(), LoginPolicy.fromEnvironment(), Clock.systemUTC());
    }

    /** Wired to the AWS clients the template's environment names: the local runner's and the tests' way in. */
    public UpdateEmailHandler(AwsClients aws, LoginPolicy policy, Clock clock) {
        this(new UpdateEmail(aws.stores(), aws.customers(), aws.customerAccounts(), aws.deliveryQueue(),
                        policy.linkLifetime(), clock),
                new RevokeCredentials(aws.stores(), aws.customerAccounts(), clock),
                new UnlockCodeLogin(aws.stores(), aws.customerAccounts(), clock));
    }

    public UpdateEmailHandler(UpdateEmail updateEmail, RevokeCredentials revokeCredentials,
                              UnlockCodeLogin unlockCodeLogin) {
        this.actions = new SupportActions(List.of(
                Action.changes("PUT " + CUSTOMER + "/email", "update-email", call -> {
                    UpdateEmail.Updated updated = updateEmail.update(call.caller(), call.id("storeId"),
                            call.id("customerId"), call.requiredString("email"));
                    return Map.of("customerId", call.id("customerId"), "email", updated.email().value(),
                            "changed", updated.changed());
                }),
                Action.changes("POST " + CUSTOMER + "/revoke", "revoke", call -> {
                    Instant at = revokeCredentials.revoke(call.caller(), call.id("storeId"), call.id("customerId"));
                    return Map.of("customerId", call.id("customerId"), "revoked", true, "revokedAt", at.toString());
                }),
                Action.changes("POST " + CUSTOMER + "/unlock", "unlock", call -> {
                    unlockCodeLogin.unlock(call.caller(), call.id("storeId"), call.id("customerId"));
                    return Map.of("customerId", call.id("customerId"), "codeLoginLocked", false);
                })), "update-email");
    }

    @Override
    protected SupportActions actions() {
        return actions;
    }
}
