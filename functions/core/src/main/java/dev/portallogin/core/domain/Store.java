package dev.portallogin.core.domain;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * A merchant's store and the settings its logins use. Every link the service sends is built from
 * {@link #portalUrl()}, never from anything in a request.
 *
 * @param portalUrl       origin (and optional base path) of the customer portal, without trailing slash
 * @param emailFrom       sender address of login emails; its domain must be verified in SES
 * @param defaultCountry  ISO 3166 alpha-2 country for phone numbers typed without country prefix
 * @param smsCountries    countries SMS may be sent to; empty means no SMS at all
 * @param agentPrincipals IAM roles and users whose signed requests may act on the store's customers, kept as
 *                        {@link PrincipalArn} keys
 * @param brand           how it presents itself to its customers; {@link Brand#NONE} for the service's own look
 */
public record Store(String storeId, String name, String portalUrl, String emailFrom, String defaultCountry,
                    Set<String> smsCountries, Set<String> agentPrincipals, Brand brand) {

    public Store {
        brand = brand == null ? Brand.NONE : brand;
        portalUrl = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
        smsCountries = Set.copyOf(smsCountries);
        agentPrincipals = agentPrincipals.stream()
                .map(arn -> PrincipalArn.parse(arn).map(PrincipalArn::key).orElseThrow(() ->
                        new IllegalArgumentException("not the ARN of an IAM role or user: " + arn)))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** A store in the service's own look. */
    public Store(String storeId, String name, String portalUrl, String emailFrom, String defaultCountry,
                 Set<String> smsCountries, Set<String> agentPrincipals) {
        this(storeId, name, portalUrl, emailFrom, defaultCountry, smsCountries, agentPrincipals, Brand.NONE);
    }

    /** A store no support principal may act on over HTTP yet. */
    public Store(String storeId, String name, String portalUrl, String emailFrom, String defaultCountry,
                 Set<String> smsCountries) {
        this(storeId, name, portalUrl, emailFrom, defaultCountry, smsCountries, Set.of());
    }

    /** The same store with its portal at {@code url} (the local run serves the demo stores at its own origin). */
    public Store withPortalUrl(String url) {
        return new Store(storeId, name, url, emailFrom, defaultCountry, smsCountries, agentPrincipals, brand);
    }

    /** The name its customers know it by. */
    public String displayName() {
        return brand.displayName() == null ? name : brand.displayName();
    }

    /** The portal's host ({@code portal.example.com}): what an SMS code's origin-bound line names. */
    public String portalHost() {
        return URI.create(portalUrl).getHost().toLowerCase(Locale.ROOT);
    }

    public String magicLinkUrl(MagicLinkToken token) {
        return portalUrl + "/login/magic?token=" + token.value();
    }

    /** The store's login page, naming the store: the target of a portal link, which carries no credential. */
    public String loginPageUrl() {
        return portalUrl + "/login?store=" + storeId;
    }

    /** The portal's origin ({@code https://portal.example.com}), which browsers send as {@code Origin}. */
    public String portalOrigin() {
        URI uri = URI.create(portalUrl);
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() < 0 ? origin : origin + ":" + uri.getPort();
    }

    public boolean allowsSmsTo(PhoneNumber phone) {
        return smsCountries.contains(phone.regionCode());
    }
}
