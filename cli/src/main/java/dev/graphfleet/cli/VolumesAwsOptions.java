package dev.graphfleet.cli;

import dev.graphfleet.volume.aws.VolumeClients;
import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.Option;

/** {@code --region/--profile/--endpoint} of the volume actions; credentials come from the SDK's default chain. */
final class VolumesAwsOptions {

    @Option(names = "--region", paramLabel = "R", description = "AWS region (default: the SDK's chain).")
    String region;

    @Option(names = "--profile", paramLabel = "P", description = "AWS profile (default: the SDK's chain).")
    String profile;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "One endpoint for every AWS service (a test or proxy endpoint).")
    String endpoint;

    /** Fails with a usage error (before any call) when no region can be found. */
    void requireRegion(VolumeClients clients) {
        try {
            clients.resolvedRegion();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    VolumeClients clients() {
        URI uri = null;
        if (endpoint != null) {
            try {
                uri = new URI(endpoint);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new URISyntaxException(endpoint, "not an http(s) URL");
                }
            } catch (URISyntaxException e) {
                throw new UsageException("--endpoint: '" + endpoint + "' is not an http(s) URL "
                        + "(for example http://localhost:4566)");
            }
        }
        try {
            return VolumeClients.create(region, profile, uri);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
