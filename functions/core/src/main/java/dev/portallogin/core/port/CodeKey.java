package dev.portallogin.core.port;

/** The secret key login codes are HMAC'd with. */
public interface CodeKey {

    /** The key's bytes; fetched once per execution environment. */
    byte[] bytes();
}
