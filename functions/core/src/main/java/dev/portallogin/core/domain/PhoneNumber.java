package dev.portallogin.core.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.Optional;

/** A valid phone number in E.164 form ({@code +15555550100}), with the country it belongs to. */
public final class PhoneNumber {

    /** Longer input is not a phone number; refusing it early keeps the parser's work bounded. */
    private static final int MAX_INPUT_LENGTH = 40;

    private final String e164;
    private final String regionCode;

    private PhoneNumber(String e164, String regionCode) {
        this.e164 = e164;
        this.regionCode = regionCode;
    }

    /**
     * Parses a number typed in any common format; a number without a country prefix is read as one of
     * {@code defaultRegion} (ISO 3166 alpha-2, e.g. {@code US}). Empty when it is not a valid number.
     */
    public static Optional<PhoneNumber> parse(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT_LENGTH) {
            return Optional.empty();
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            var number = util.parse(raw.strip(), defaultRegion);
            if (!util.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(new PhoneNumber(util.format(number, PhoneNumberFormat.E164),
                    util.getRegionCodeForNumber(number)));
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }

    /** A number already stored in E.164 form. */
    public static Optional<PhoneNumber> fromE164(String e164) {
        return e164 == null || !e164.startsWith("+") ? Optional.empty() : parse(e164, "ZZ");
    }

    public String e164() {
        return e164;
    }

    /** As people write it, with the country code: {@code +1 201-555-0123}, {@code +33 6 12 34 56 78}. */
    public String international() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            return util.format(util.parse(e164, "ZZ"), PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException stored) {
            return e164;
        }
    }

    /** ISO 3166 alpha-2 country of the number, e.g. {@code US}. */
    public String regionCode() {
        return regionCode;
    }

    /** Safe for logs and audit records: {@code +1******0100}. */
    public String masked() {
        int visibleEnd = 4;
        int visibleStart = e164.length() > 10 ? 2 : 1;
        return e164.substring(0, visibleStart) + "*".repeat(e164.length() - visibleStart - visibleEnd)
                + e164.substring(e164.length() - visibleEnd);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhoneNumber that && e164.equals(that.e164);
    }

    @Override
    public int hashCode() {
        return e164.hashCode();
    }

    /** Masked, so that a number in a log line or exception message is never complete. */
    @Override
    public String toString() {
        return masked();
    }
}
