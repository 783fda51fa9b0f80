package dev.portallogin.core.http;

import dev.portallogin.core.domain.PortalFailure;
import dev.portallogin.core.domain.PortalFailure.CustomerNotFound;
import dev.portallogin.core.domain.PortalFailure.EmailInUse;
import dev.portallogin.core.domain.PortalFailure.Forbidden;
import dev.portallogin.core.domain.PortalFailure.ForbiddenOrigin;
import dev.portallogin.core.domain.PortalFailure.InvalidCode;
import dev.portallogin.core.domain.PortalFailure.InvalidEmail;
import dev.portallogin.core.domain.PortalFailure.InvalidIdentifier;
import dev.portallogin.core.domain.PortalFailure.InvalidLink;
import dev.portallogin.core.domain.PortalFailure.InvalidRequest;
import dev.portallogin.core.domain.PortalFailure.NoValidEmail;
import dev.portallogin.core.domain.PortalFailure.NotSignedIn;
import dev.portallogin.core.domain.PortalFailure.RateLimited;
import dev.portallogin.core.domain.PortalFailure.RouteNotFound;
import dev.portallogin.core.domain.PortalFailure.SubscriptionNotFound;
import dev.portallogin.core.domain.PortalFailure.UnknownStore;
import dev.portallogin.core.domain.PortalFailure.UnsupportedMediaType;
import dev.portallogin.core.port.DeliveryException;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/** The one place that turns a failure into a status, an error code and a sentence for a person. */
public final class FailureResponses {

    /** Status, error code and message of one kind of failure. */
    public record Answer(int status, String error, String message) {
    }

    private static final Map<Class<? extends PortalFailure>, Answer> ANSWERS = Map.ofEntries(
            Map.entry(InvalidRequest.class, new Answer(400, "invalid_request",
                    "The request is malformed.")),
            Map.entry(InvalidIdentifier.class, new Answer(400, "invalid_identifier",
                    "Enter a valid email address or phone number.")),
            Map.entry(UnknownStore.class, new Answer(404, "unknown_store",
                    "This store does not exist.")),
            Map.entry(RateLimited.class, new Answer(429, "rate_limited",
                    "Too many requests. Please wait a moment and try again.")),
            Map.entry(InvalidCode.class, new Answer(401, "invalid_code",
                    "This code is not valid. Check it or ask for a new one.")),
            Map.entry(InvalidLink.class, new Answer(401, "invalid_link",
                    "This link does not work. Ask for a new code to sign in.")),
            Map.entry(ForbiddenOrigin.class, new Answer(403, "forbidden_origin",
                    "This request came from another site. Sign in on the store's own portal.")),
            Map.entry(CustomerNotFound.class, new Answer(404, "customer_not_found",
                    "No customer with this id exists in this store.")),
            Map.entry(SubscriptionNotFound.class, new Answer(404, "subscription_not_found",
                    "No subscription with this id exists in this store.")),
            Map.entry(NoValidEmail.class, new Answer(422, "no_valid_email",
                    "This customer has no valid email address, so no magic link can be sent. Update the "
                            + "customer's email in their profile (Contact > Edit), or give them a portal link.")),
            Map.entry(InvalidEmail.class, new Answer(400, "invalid_email",
                    "This is not an email address a mail system would accept.")),
            Map.entry(EmailInUse.class, new Answer(409, "email_in_use",
                    "Another customer of this store already uses this email address.")),
            Map.entry(NotSignedIn.class, new Answer(401, "not_signed_in",
                    "You are not signed in.")),
            Map.entry(Forbidden.class, new Answer(403, "forbidden",
                    "You may not act on this store.")),
            Map.entry(RouteNotFound.class, new Answer(404, "not_found",
                    "There is nothing at this address.")),
            Map.entry(UnsupportedMediaType.class, new Answer(415, "unsupported_media_type",
                    "Send the request body as JSON (Content-Type: application/json).")));

    private static final Answer UNAVAILABLE = new Answer(503, "service_unavailable",
            "The service is temporarily unavailable. Please try again.");
    private static final Answer INTERNAL = new Answer(500, "internal_error",
            "Something went wrong on our side. Please try again.");

    private FailureResponses() {
    }

    public static Answer answer(Throwable failure) {
        Answer answer = ANSWERS.get(failure.getClass());
        if (answer != null) {
            if (failure instanceof InvalidRequest) {
                return new Answer(answer.status(), answer.error(), failure.getMessage());
            }
            if (failure instanceof InvalidLink refused) {
                return new Answer(answer.status(), answer.error(), linkMessage(refused));
            }
            return answer;
        }
        return failure instanceof SdkException || failure instanceof DeliveryException ? UNAVAILABLE : INTERNAL;
    }

    /** The JSON document of a failure, the same for HTTP bodies and direct invocations. */
    public static Map<String, Object> document(Answer answer) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("error", answer.error());
        document.put("message", answer.message());
        return document;
    }

    public static ApiResponse response(Throwable failure) {
        Answer answer = answer(failure);
        ApiResponse response = ApiResponse.json(answer.status(), document(answer));
        if (failure instanceof RateLimited limited) {
            long seconds = Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
            Answer waitMessage = new Answer(answer.status(), answer.error(),
                    "Too many requests. Please try again in " + humanDuration(seconds) + ".");
            response = ApiResponse.json(answer.status(), document(waitMessage))
                    .withHeader("Retry-After", Long.toString(seconds));
        }
        if (failure instanceof InvalidLink refused) {
            response = ApiResponse.json(answer.status(), linkDocument(refused));
        }
        if (answer == UNAVAILABLE) {
            response = response.withHeader("Retry-After", "5");
        }
        return response;
    }

    /**
     * A refused link's answer: why, and for a link that was really issued the store (so the page can offer a new
     * code there) and the masked address it went to; nothing about the customer after a revoke or an email change.
     */
    public static Map<String, Object> linkDocument(InvalidLink refused) {
        Map<String, Object> document = document(answer(refused));
        document.put("reason", refused.reason().name().toLowerCase(java.util.Locale.ROOT));
        refused.storeId().ifPresent(storeId -> document.put("storeId", storeId));
        refused.storeName().ifPresent(name -> document.put("storeName", name));
        refused.sentTo().ifPresent(sentTo -> document.put("sentTo", sentTo));
        return document;
    }

    private static String linkMessage(InvalidLink refused) {
        String store = refused.storeName().orElse("the store");
        String sentTo = refused.sentTo().map(address -> " sent to " + address).orElse("");
        return switch (refused.reason()) {
            case EXPIRED -> "This sign-in link" + sentTo + " has expired: links work for 10 minutes. Ask for a new "
                    + "code to sign in.";
            case USED -> "This sign-in link" + sentTo + " was already used: each link signs in once. Ask for a new "
                    + "code to sign in.";
            case REPLACED -> "A newer code or link was sent after this one" + sentTo + ", and only the newest works. "
                    + "Use the newest message, or ask for a new code.";
            case REVOKED -> "This sign-in link was cancelled by " + store + " support. Ask for a new code to sign in.";
            case UNKNOWN -> "This link is not valid. Copy the whole link from the email, or ask for a new code.";
        };
    }

    private static String humanDuration(long seconds) {
        if (seconds < 90) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 90) {
            return minutes + " minutes";
        }
        return ((minutes + 59) / 60) + " hours";
    }
}
