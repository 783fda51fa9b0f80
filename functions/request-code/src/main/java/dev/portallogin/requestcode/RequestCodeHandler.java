package dev.portallogin.requestcode;

import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Priming;
import dev.portallogin.core.domain.Brand;
import dev.portallogin.core.domain.BrowserToken;
import dev.portallogin.core.domain.LoginPolicy;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.http.ApiRequest;
import dev.portallogin.core.http.ApiResponse;
import dev.portallogin.core.http.ClientAddress;
import dev.portallogin.core.http.HttpFunction;
import dev.portallogin.core.http.RequestBody;
import dev.portallogin.core.http.RouteTable;
import dev.portallogin.core.http.SignInCookies;
import dev.portallogin.core.port.OriginSecret;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /login/code}: answers 202 {"status":"sent"} (with the code's lifetime and tries, and the wait before
 * another) whether or not the identifier matched a customer; and
 * {@code GET /login/stores/{storeId}}: the store's name, for the login page's header.
 */
public final class RequestCodeHandler extends HttpFunction {

    private final RequestCode requestCode;
    private final PortalStores stores;
    private final OriginSecret originSecret;

    /** Lambda's constructor: see {@link Priming#lambdaClients}. */
    public RequestCodeHandler() {
        this(Priming.lambdaClients(Priming::phoneNumbers), LoginPolicy.fromEnvironment(), Clock.systemUTC());
    }

    /** Wired to the AWS clients the template's environment names: the local runner's and the tests' way in. */
    public RequestCodeHandler(AwsClients aws, LoginPolicy policy, Clock clock) {
        this(new RequestCode(aws.signInContext(), aws.rateLimiter(), aws.deliveryQueue(), policy, clock),
                new PortalStores(aws.stores()), aws.originSecret());
    }

    public RequestCodeHandler(RequestCode requestCode, PortalStores stores, OriginSecret originSecret) {
        this.requestCode = requestCode;
        this.stores = stores;
        this.originSecret = originSecret;
    }

    @Override
    protected RouteTable routes() {
        return RouteTable.of(Map.of(
                "POST /login/code", this::requestCode,
                "GET /login/stores/{storeId}", this::store));
    }

    /**
     * Every answer sets a fresh sign-in cookie, whether or not a customer matched (so the answers cannot be told
     * apart); only a customer's link remembers its hash, and opening that link in this browser then needs no click.
     */
    private ApiResponse requestCode(ApiRequest request) {
        RequestBody body = request.jsonBody();
        BrowserToken browser = BrowserToken.generate();
        RequestCode.Sent sent = requestCode.request(new RequestCode.Request(body.requiredId("storeId"),
                body.requiredString("identifier"), ClientAddress.of(request, originSecret),
                request.cookie(SignInCookies.DEVICE).orElse(null), browser.hash(), request.origin(),
                request.header("accept-language").orElse(null)));
        return ApiResponse.json(202, Map.of("status", "sent", "codeLifetimeSeconds", sent.codeLifetime().toSeconds(),
                        "triesPerCode", sent.triesPerCode(), "resendAfterSeconds", sent.resendAfter().toSeconds()))
                .withCookie(SignInCookies.browser(browser, sent.signInBrowserLifetime()));
    }

    private ApiResponse store(ApiRequest request) {
        Store store = stores.store(request.pathId("storeId"));
        Brand brand = store.brand();
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("storeId", store.storeId());
        shown.put("name", store.displayName());
        if (brand.logoUrl() != null) {
            shown.put("logoUrl", brand.logoUrl());
        }
        shown.put("accentColour", brand.accent());
        if (brand.supportContact() != null) {
            shown.put("supportContact", brand.supportContact());
        }
        shown.put("timeZone", brand.timeZone().getId());
        shown.put("languages", brand.languages());
        shown.put("defaultLanguage", brand.defaultLanguage());
        return ApiResponse.json(200, shown);
    }
}
