package dev.graphfleet.local;

import java.security.SecureRandom;
import java.util.Base64;

/** The local fleet's per-run API keys: 24 random bytes, URL-safe. */
final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    static String next() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
