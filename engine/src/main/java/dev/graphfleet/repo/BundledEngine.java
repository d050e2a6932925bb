package dev.graphfleet.repo;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/**
 * The version of the graph engine driver this build ships ({@code com.kuzudb:kuzu}), recorded by
 * Maven at build time, so manifests can name it without loading the native library.
 */
public final class BundledEngine {

    private BundledEngine() {
    }

    public static Optional<String> version() {
        try (InputStream in = BundledEngine.class.getResourceAsStream("engine.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("engine.version")).filter(Manifest::isValidEngineVersion);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
