package dev.graphfleet.cli;

import dev.graphfleet.repo.RepositoryStore;
import dev.graphfleet.repo.StoreUri;
import dev.graphfleet.repo.s3.RepositoryStores;
import dev.graphfleet.repo.s3.S3Settings;
import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.Option;

/** How to reach an S3 store; credentials always come from the AWS default provider chain. */
final class StoreOptions {

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "S3-compatible endpoint, e.g. http://127.0.0.1:9000 (default: AWS S3)")
    String endpoint;

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region (default: AWS_REGION / profile / instance metadata; us-east-1 with --endpoint)")
    String region;

    @Option(names = "--path-style", description = "Address the bucket in the path, not the host name (most S3-compatible servers)")
    boolean pathStyle;

    RepositoryStore open(String option, String uriText) {
        StoreUri uri;
        try {
            uri = StoreUri.parse(uriText);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
        if (uri instanceof StoreUri.Local && (endpoint != null || region != null || pathStyle)) {
            throw new UsageException("--endpoint, --region and --path-style apply to s3:// stores only, not " + uri);
        }
        try {
            return RepositoryStores.open(uri, settings());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Like {@link #open}, but a directory store that does not exist yet is created, as publishing expects. */
    RepositoryStore openForPublishing(String option, String uriText) {
        try {
            if (StoreUri.parse(uriText) instanceof StoreUri.Local local) {
                java.nio.file.Files.createDirectories(local.directory());
            }
        } catch (IllegalArgumentException | java.io.IOException e) {
            // open() reports a bad URI with the option's name; an unwritable directory fails on publish
        }
        return open(option, uriText);
    }

    private S3Settings settings() {
        S3Settings settings = S3Settings.defaults().withPathStyle(pathStyle);
        if (region != null) {
            settings = settings.withRegion(region);
        }
        if (endpoint != null) {
            try {
                settings = settings.withEndpoint(new URI(endpoint));
            } catch (URISyntaxException e) {
                throw new UsageException("--endpoint: '" + endpoint + "' is not a URL (" + e.getReason()
                        + "); use http(s)://host[:port]");
            }
        }
        return settings;
    }
}
