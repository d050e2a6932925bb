package dev.graphfleet.cli;

import dev.graphfleet.testing.S3Server;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * s3proxy ({@link S3Server}) for a test class's CLI runs, with its credentials set as system properties for
 * the class: the CLI reads credentials through the AWS default chain, and system properties are its first link.
 */
final class CliS3 implements BeforeAllCallback, AfterAllCallback {

    private final S3Server server;

    private CliS3(S3Server server) {
        this.server = server;
    }

    static CliS3 withBuckets(String... buckets) {
        return new CliS3(S3Server.withBuckets(buckets));
    }

    @Override
    public void beforeAll(ExtensionContext extension) throws Exception {
        server.beforeAll(extension);
        System.setProperty("aws.accessKeyId", S3Server.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3Server.SECRET_KEY);
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        server.afterAll(extension);
    }

    URI endpoint() {
        return server.endpoint();
    }

    /** {@code args} followed by the options that point a command at this server. */
    String[] withEndpoint(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", endpoint().toString(), "--path-style"));
        return all.toArray(String[]::new);
    }
}
