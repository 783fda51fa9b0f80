package dev.portallogin.core.adapter.ses;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A From address with a display name, as SES takes it: {@code "Acme Coffee Club" <login@acme.example.com>}, the name
 * quoted, or as an RFC 2047 encoded word when it is not plain ASCII ({@code =?UTF-8?B?…?=}), which SES requires.
 */
final class MailboxNames {

    private MailboxNames() {
    }

    static String withName(String name, String address) {
        boolean ascii = name.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        String shown = ascii ? "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)) + "?=";
        return shown + " <" + address + ">";
    }
}
