package dev.portallogin.core.http;

import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.PortalFailure.InvalidRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A support function's one table of actions. Each action is reached by its HTTP route (signed by an agent's IAM
 * principal, authorised per store by the use case) and by direct invocation from the dashboard's trusted backend
 * under its action name, and both read it the same way: the store and customer from the path or the payload, every
 * other field from the query, the body or the payload, and the agent's label ({@code agentId}) and
 * {@code reason}. A direct call that changes something must name its agent.
 */
public final class SupportActions {

    /**
     * One action.
     *
     * @param routeKey the API Gateway route key, e.g. {@code "POST /admin/stores/{storeId}/customers/{id}/revoke"}
     * @param name     its name in a direct invocation's {@code action} field
     * @param changes  whether it changes something: then a direct call must name the agent
     * @param run      the use case, from what the call reads to the answer's document
     * @param status   the HTTP status of a success, from its document (a direct call has none)
     */
    public record Action(String routeKey, String name, boolean changes, Function<Call, Map<String, Object>> run,
                         ToIntFunction<Map<String, Object>> status) {

        public static Action reads(String routeKey, String name, Function<Call, Map<String, Object>> run) {
            return new Action(routeKey, name, false, run, document -> 200);
        }

        public static Action changes(String routeKey, String name, Function<Call, Map<String, Object>> run) {
            return new Action(routeKey, name, true, run, document -> 200);
        }

        /** This action, answering HTTP with the status {@code status} gives its document. */
        public Action answering(ToIntFunction<Map<String, Object>> status) {
            return new Action(routeKey, name, changes, run, status);
        }
    }

    /** What an action reads, the same whether it came over HTTP or as a direct payload. */
    public static final class Call {
        private final Actor caller;
        private final Function<String, Optional<String>> ids;
        private final Map<String, String> query;
        private final RequestBody fields;

        private Call(Actor caller, Function<String, Optional<String>> ids, Map<String, String> query,
                     RequestBody fields) {
            this.caller = caller;
            this.ids = ids;
            this.query = query;
            this.fields = fields;
        }

        public Actor caller() {
            return caller;
        }

        /** An id the route names in its path ({@code storeId}, {@code customerId}), or the payload gives. */
        public String id(String name) {
            return ids.apply(name).orElseThrow(() -> new InvalidRequest("Field '" + name + "' is required."));
        }

        /** An id the route may name in its path, or the payload may give. */
        public Optional<String> optionalId(String name) {
            return ids.apply(name);
        }

        public boolean optionalBoolean(String name, boolean fallback) {
            return fields.optionalBoolean(name, fallback);
        }

        public Optional<String> optionalString(String name) {
            return Optional.ofNullable(query.get(name)).or(() -> fields.optionalString(name));
        }

        public String requiredString(String name) {
            return Optional.ofNullable(query.get(name)).orElseGet(() -> fields.requiredString(name));
        }
    }

    private final Map<String, Action> byName = new LinkedHashMap<>();
    private final String defaultName;

    /** @param defaultName the action a direct payload without {@code action} asks for, or null for none */
    public SupportActions(List<Action> actions, String defaultName) {
        actions.forEach(action -> byName.put(action.name(), action));
        this.defaultName = defaultName;
    }

    /** Every action's HTTP route, answered 200 with the action's document. */
    public RouteTable routes() {
        Map<String, Function<ApiRequest, ApiResponse>> routes = new LinkedHashMap<>();
        byName.values().forEach(action -> routes.put(action.routeKey(), request -> {
            RequestBody body = request.method().equals("GET") ? RequestBody.of(Map.of()) : request.optionalJsonBody();
            Actor caller = request.agent(body.optionalId("agentId").orElse(null))
                    .because(body.optionalString("reason").orElse(null));
            Map<String, Object> document = action.run().apply(new Call(caller, name ->
                    Optional.ofNullable(request.pathParameters().get(name)).map(present -> request.pathId(name)),
                    request.query(), body));
            return ApiResponse.json(action.status().applyAsInt(document), document);
        }));
        return RouteTable.of(routes);
    }

    /** The action a direct payload names in {@code action}, run on what the payload holds. */
    public Map<String, Object> direct(RequestBody payload) {
        String name = payload.optionalString("action").orElse(defaultName);
        Action action = name == null ? null : byName.get(name);
        if (action == null) {
            throw new InvalidRequest("Field 'action' must be one of " + String.join(", ", byName.keySet()) + ".");
        }
        String agent = action.changes() ? payload.requiredId("agentId") : payload.optionalId("agentId").orElse(null);
        Actor caller = Actor.trustedBackend(agent).because(payload.optionalString("reason").orElse(null));
        return action.run().apply(new Call(caller, payload::optionalId, Map.of(), payload));
    }
}
