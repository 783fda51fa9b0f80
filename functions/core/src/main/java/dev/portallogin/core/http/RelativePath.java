package dev.portallogin.core.http;

/** Redirect targets: only a path on this same site, never something a browser would read as another host. */
public final class RelativePath {

    private RelativePath() {
    }

    /**
     * True for {@code /portal}, {@code /a/b?x=1} or {@code ../}; false for {@code //evil.com},
     * {@code /\evil.com}, {@code https:evil.com}, anything with spaces, control characters or backslashes, and
     * anything that does not start with {@code /}, {@code ./} or {@code ../}.
     */
    public static boolean isSafe(String target) {
        if (target == null || target.isEmpty() || target.length() > 512) {
            return false;
        }
        if (target.chars().anyMatch(c -> c < 0x21 || c == 0x7f || c == '\\')) {
            return false;
        }
        if (target.startsWith("./") || target.startsWith("../")) {
            return true;
        }
        return target.charAt(0) == '/' && !target.startsWith("//");
    }
}
