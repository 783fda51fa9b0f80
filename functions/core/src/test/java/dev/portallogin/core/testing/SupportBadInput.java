package dev.portallogin.core.testing;

import static dev.portallogin.core.testing.gen.Tries.tries;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portallogin.core.testing.gen.Gen;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The bad-input checks every support handler shares: it answers agents over HTTP and the dashboard's backend by
 * direct invocation. A subclass builds the handler on fresh ports, sends a body to its route that takes one, and
 * says which direct payloads to try.
 */
public abstract class SupportBadInput {

    protected static final String STORE = "acme";
    protected static final String JANE = "cus-1";

    /** The handler on ports holding {@link #STORE} and its customer {@link #JANE} (and any others it needs). */
    protected abstract RequestStreamHandler freshHandler();

    /** Sends {@code body} to the handler's route that takes a body, signed by an agent of {@link #STORE}. */
    protected abstract void post(String storeId, String customerId, String body);

    /** The direct invocations to try. */
    protected abstract Gen<Map<String, Object>> payloads();

    @Test
    void generatedDirectPayloads() {
        tries(BadInput.TRIES, payloads(), payload ->
                BadInput.assertDirectWithinContract(HttpCall.invoke(freshHandler(), payload)));
    }

    @ParameterizedTest
    @FieldSource("dev.portallogin.core.testing.BadInput#NASTY")
    void nastyStoresAndCustomers(String nasty) {
        post(nasty, JANE, "{}");
        post(STORE, nasty, "{}");
    }

    @ParameterizedTest
    @FieldSource({"dev.portallogin.core.testing.BadInput#HUGE_BODIES", "dev.portallogin.core.testing.BadInput#NOT_OBJECTS"})
    void bodiesThatAreNotRequests(String body) {
        post(STORE, JANE, body);
    }

    /** A path's store and customer and a body, drawn together. */
    protected record Post(String storeId, String customerId, String body) {
    }

    protected static Gen<Post> posts(Gen<String> customerIds, Gen<String> bodies) {
        Gen<String> storeIds = BadInput.pathStoreIds(STORE);
        return random -> new Post(storeIds.next(random), customerIds.next(random), bodies.next(random));
    }
}
