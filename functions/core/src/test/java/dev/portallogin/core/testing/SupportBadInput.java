package dev.portallogin.core.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * The bad-input properties every support handler shares (jqwik): it answers agents over HTTP and the dashboard's
 * backend by direct invocation. A subclass builds the handler on fresh ports, sends a body to its route that takes
 * one, and provides {@code payloads}, the direct invocations to try.
 */
public abstract class SupportBadInput {

    protected static final String STORE = "acme";
    protected static final String JANE = "cus-1";

    protected RequestStreamHandler handler;

    /** The handler on ports holding {@link #STORE} and its customer {@link #JANE} (and any others it needs). */
    protected abstract RequestStreamHandler freshHandler();

    /** Sends {@code body} to the handler's route that takes a body, signed by an agent of {@link #STORE}. */
    protected abstract void post(String storeId, String customerId, String body);

    /** Each try starts from the same store and customers, so no try depends on what another left behind. */
    @BeforeTry
    void freshPorts() {
        handler = freshHandler();
    }

    @Property(tries = BadInput.TRIES)
    void directPayload(@ForAll("payloads") Map<String, Object> payload) {
        BadInput.assertDirectWithinContract(HttpCall.invoke(handler, payload));
    }

    @Example
    void hugeAndDeepBodies() {
        handler = freshHandler();
        BadInput.HUGE_BODIES.forEach(body -> post(STORE, JANE, body));
    }

    @Provide
    Arbitrary<String> storeIds() {
        return BadInput.pathStoreIds(STORE);
    }
}
