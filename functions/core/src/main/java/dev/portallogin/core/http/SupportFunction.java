package dev.portallogin.core.http;

import java.util.Map;

/** A support function: its HTTP routes and its direct invocations are one {@link SupportActions} table. */
public abstract class SupportFunction extends HttpFunction {

    /** The function's actions; asked for at each request, so return a table built once. */
    protected abstract SupportActions actions();

    @Override
    protected final RouteTable routes() {
        return actions().routes();
    }

    @Override
    public final Map<String, Object> direct(RequestBody payload) {
        return actions().direct(payload);
    }
}
