package dev.portallogin.core.http;

import dev.portallogin.core.domain.PortalFailure.RouteNotFound;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A function's HTTP routes: API Gateway's route key ({@code "POST /login/verify"}, the template's method and path)
 * to the use case that serves it. A key the function does not serve answers 404 {@code not_found}.
 */
public final class RouteTable {

    private final Map<String, Function<ApiRequest, ApiResponse>> routes;

    private RouteTable(Map<String, Function<ApiRequest, ApiResponse>> routes) {
        this.routes = routes;
    }

    public static RouteTable of(Map<String, Function<ApiRequest, ApiResponse>> routes) {
        return new RouteTable(new LinkedHashMap<>(routes));
    }

    /** @throws RouteNotFound for a route key the function does not serve */
    public ApiResponse dispatch(ApiRequest request) {
        Function<ApiRequest, ApiResponse> route = routes.get(request.routeKey());
        if (route == null) {
            throw new RouteNotFound();
        }
        return route.apply(request);
    }

    public Set<String> routeKeys() {
        return Set.copyOf(routes.keySet());
    }
}
