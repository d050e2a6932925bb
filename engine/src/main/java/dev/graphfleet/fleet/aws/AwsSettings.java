package dev.graphfleet.fleet.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How to reach AWS.
 *
 * <ul>
 *   <li>{@code region}: empty means the SDK's region chain (AWS_REGION, the profile, instance metadata);
 *       with an {@code endpoint} and no region, us-east-1.
 *   <li>{@code profile}: a named profile for credentials and region; empty means the default chain.
 *   <li>{@code endpoint}: one endpoint for every service (tests, a proxy, LocalStack).
 *   <li>{@code credentials}: empty means the SDK's default provider chain (which refreshes rotating
 *       instance-role credentials); tests pass static ones. We never read or hold credentials ourselves.
 * </ul>
 */
public record AwsSettings(Optional<String> region, Optional<String> profile, Optional<URI> endpoint,
                          Optional<AwsCredentialsProvider> credentials) {

    public AwsSettings {
        region.ifPresent(r -> {
            if (!r.matches("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}")) {
                throw new IllegalArgumentException("invalid AWS region '" + r + "': use a region code such as us-east-1");
            }
        });
        profile.ifPresent(p -> {
            if (!p.matches("[A-Za-z0-9_.+@-]{1,64}")) {
                throw new IllegalArgumentException("invalid AWS profile name: use letters, digits, '_', '-', '.'");
            }
        });
        endpoint.ifPresent(AwsSettings::checkEndpoint);
    }

    /** From command-line values, each null when not given. */
    public static AwsSettings of(String region, String profile, URI endpoint) {
        return new AwsSettings(Optional.ofNullable(region), Optional.ofNullable(profile), Optional.ofNullable(endpoint),
                Optional.empty());
    }

    public AwsSettings withCredentials(AwsCredentialsProvider provider) {
        return new AwsSettings(region, profile, endpoint, Optional.of(provider));
    }

    /** For names and messages: {@code us-east-1}, or {@code default region}. */
    public String regionLabel() {
        return region.orElse("default region");
    }

    private static void checkEndpoint(URI endpoint) {
        if (endpoint.getUserInfo() != null) {
            throw new IllegalArgumentException("the AWS endpoint must not carry credentials; use the AWS credential"
                    + " chain (environment, profile or instance role)");
        }
        if (!("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("invalid AWS endpoint '" + endpoint
                    + "': use http(s)://host[:port], e.g. http://127.0.0.1:4566");
        }
    }
}
