package dev.graphfleet.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * HTTPS for the node API ({@code node.api.tls}): a PKCS12 key store on the node, and the name of the
 * environment variable holding its password (the password itself is never in the config).
 */
public record TlsConfig(Path keyStore, String keyStorePasswordEnv) {

    /** The password from {@code environment}; empty when no variable is named. Messages name the variable only. */
    public String password(Map<String, String> environment) {
        if (keyStorePasswordEnv == null) {
            return "";
        }
        String password = environment.get(keyStorePasswordEnv);
        if (password == null) {
            throw new ConfigException("node.api.tls.key_store_password_env", Problem.error(
                    "node.api.tls.key_store_password_env", "names the environment variable " + keyStorePasswordEnv
                            + ", which is not set",
                    "export " + keyStorePasswordEnv + " with the key store's password before starting the node"));
        }
        return password;
    }
}
