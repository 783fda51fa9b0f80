package dev.portallogin.core.domain;

import java.util.Set;

/**
 * A merchant's store and the settings its logins use. Every link the service sends is built from
 * {@link #portalUrl()}, never from anything in a request.
 *
 * @param portalUrl      origin (and optional base path) of the customer portal, without trailing slash
 * @param emailFrom      sender address of login emails; its domain must be verified in SES
 * @param defaultCountry ISO 3166 alpha-2 country for phone numbers typed without country prefix
 * @param smsCountries   countries SMS may be sent to; empty means no SMS at all
 */
public record Store(String storeId, String name, String portalUrl, String emailFrom, String defaultCountry,
                    Set<String> smsCountries) {

    public Store {
        portalUrl = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
        smsCountries = Set.copyOf(smsCountries);
    }

    public String magicLinkUrl(MagicLinkToken token) {
        return portalUrl + "/login/magic?token=" + token.value();
    }

    /** The store's login page: the target of a portal link, which carries no credential. */
    public String loginPageUrl() {
        return portalUrl + "/login";
    }

    public boolean allowsSmsTo(PhoneNumber phone) {
        return smsCountries.contains(phone.regionCode());
    }
}
