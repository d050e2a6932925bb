package dev.graphfleet.config;

import static dev.graphfleet.config.ConfigMaps.orDefault;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;
import java.util.Optional;

/**
 * The node's HTTP API. The API key itself is never in the config: {@code api_key_env} names the
 * environment variable that holds it. Without {@code api_key_env} the API has no authentication.
 *
 * @param tls           HTTPS from a PKCS12 key store; null serves plain HTTP
 * @param allowCopyFrom lets queries run {@code COPY <table> FROM ...} (bulk loads from the node's
 *                      own files); off by default, like every other statement that reaches files
 * @param bodyReadTimeoutS how long a client may take to send a request (headers and body), in seconds:
 *                      a slower one gets 408 and its connection is closed
 */
public record ApiConfig(String host, Integer port, String apiKeyEnv, TlsConfig tls, Boolean allowCopyFrom,
                        Integer bodyReadTimeoutS) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8001;
    public static final int DEFAULT_BODY_READ_TIMEOUT_S = 10;
    public static final ApiConfig DEFAULTS = new ApiConfig(null, null, null);

    @JsonCreator
    public ApiConfig {
        host = orDefault(host, DEFAULT_HOST);
        port = orDefault(port, DEFAULT_PORT);
        allowCopyFrom = orDefault(allowCopyFrom, false);
        bodyReadTimeoutS = orDefault(bodyReadTimeoutS, DEFAULT_BODY_READ_TIMEOUT_S);
    }

    public ApiConfig(String host, Integer port, String apiKeyEnv) {
        this(host, port, apiKeyEnv, null, null, null);
    }

    public ApiConfig withPort(int newPort) {
        return new ApiConfig(host, newPort, apiKeyEnv, tls, allowCopyFrom, bodyReadTimeoutS);
    }

    public java.time.Duration bodyReadTimeout() {
        return java.time.Duration.ofSeconds(bodyReadTimeoutS);
    }

    /**
     * The API key from {@code environment} (normally {@code System.getenv()}); empty when no
     * {@code api_key_env} is configured. Throws when the named variable is unset or blank, since a
     * node told to require a key must not start open. The message names the variable, never a value.
     */
    public Optional<String> apiKey(Map<String, String> environment) {
        if (apiKeyEnv == null) {
            return Optional.empty();
        }
        String key = environment.get(apiKeyEnv);
        if (key == null || key.isBlank()) {
            throw new ConfigException("node.api.api_key_env", Problem.error("node.api.api_key_env",
                    "names the environment variable " + apiKeyEnv + ", which is not set",
                    "export " + apiKeyEnv + " with the API key before starting the node, "
                            + "or remove api_key_env to run without authentication"));
        }
        return Optional.of(key);
    }
}
