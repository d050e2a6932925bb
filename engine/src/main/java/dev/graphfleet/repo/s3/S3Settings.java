package dev.graphfleet.repo.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How to reach an S3 store and upload to it.
 *
 * <ul>
 *   <li>{@code region}: empty means the SDK's region chain (AWS_REGION, profile, instance
 *       metadata); with an {@code endpoint} and no region, us-east-1 (what S3-compatible servers expect).
 *   <li>{@code endpoint}, {@code pathStyle}: for S3-compatible servers (MinIO, s3proxy). With an
 *       endpoint the client sends checksums only when required, which those servers understand;
 *       the manifest's sha256 still checks every byte end to end.
 *   <li>{@code credentials}: empty means the SDK's default provider chain, which also refreshes
 *       rotating instance-role credentials. We never read or cache credentials ourselves.
 *   <li>{@code sdkMaxAttempts}: the SDK's own retries per request (the fetcher retries parts on top).
 *   <li>{@code multipartThreshold}, {@code uploadPartSize}, {@code uploadParallelism}: files
 *       larger than the threshold are uploaded as parallel multipart parts.
 * </ul>
 */
public record S3Settings(
        Optional<String> region,
        Optional<URI> endpoint,
        boolean pathStyle,
        Optional<AwsCredentialsProvider> credentials,
        int maxConnections,
        Duration socketTimeout,
        int sdkMaxAttempts,
        long multipartThreshold,
        long uploadPartSize,
        int uploadParallelism) {

    /** S3's smallest part size (all but the last part). */
    public static final long MIN_PART_SIZE = 5L << 20;

    public S3Settings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(socketTimeout, "socketTimeout");
        if (region.isPresent() && !region.get().matches("[a-z0-9-]{2,32}")) {
            throw new IllegalArgumentException("invalid S3 region '" + region.get() + "': use a region code such as us-east-1");
        }
        endpoint.ifPresent(S3Settings::checkEndpoint);
        if (maxConnections < 1) {
            throw new IllegalArgumentException("S3 max connections must be at least 1 (found " + maxConnections + ")");
        }
        if (sdkMaxAttempts < 1) {
            throw new IllegalArgumentException("S3 SDK max attempts must be at least 1 (found " + sdkMaxAttempts + ")");
        }
        if (uploadPartSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("S3 upload part size must be at least 5 MiB (found " + uploadPartSize + ")");
        }
        if (multipartThreshold < uploadPartSize) {
            throw new IllegalArgumentException("S3 multipart threshold must be at least the part size ("
                    + multipartThreshold + " < " + uploadPartSize + ")");
        }
        if (uploadParallelism < 1) {
            throw new IllegalArgumentException("S3 upload parallelism must be at least 1 (found " + uploadParallelism + ")");
        }
    }

    private static void checkEndpoint(URI endpoint) {
        String scheme = endpoint.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("invalid S3 endpoint '" + endpoint
                    + "': use http(s)://host[:port], e.g. http://127.0.0.1:9000");
        }
        if (endpoint.getUserInfo() != null) {
            throw new IllegalArgumentException("the S3 endpoint must not carry credentials; use the AWS credential"
                    + " chain (environment, profile or instance role)");
        }
    }

    public static S3Settings defaults() {
        return new S3Settings(Optional.empty(), Optional.empty(), false, Optional.empty(), 64,
                Duration.ofSeconds(30), 3, 64L << 20, 16L << 20, 8);
    }

    /** An S3-compatible server (MinIO, s3proxy, ...) at {@code endpoint}: path-style addressing, us-east-1. */
    public static S3Settings forCompatibleEndpoint(URI endpoint, AwsCredentialsProvider credentials) {
        return defaults().withEndpoint(endpoint).withPathStyle(true).withRegion("us-east-1").withCredentials(credentials);
    }

    public S3Settings withRegion(String value) {
        return new S3Settings(Optional.ofNullable(value), endpoint, pathStyle, credentials, maxConnections,
                socketTimeout, sdkMaxAttempts, multipartThreshold, uploadPartSize, uploadParallelism);
    }

    public S3Settings withEndpoint(URI value) {
        return new S3Settings(region, Optional.ofNullable(value), pathStyle, credentials, maxConnections,
                socketTimeout, sdkMaxAttempts, multipartThreshold, uploadPartSize, uploadParallelism);
    }

    public S3Settings withPathStyle(boolean value) {
        return new S3Settings(region, endpoint, value, credentials, maxConnections,
                socketTimeout, sdkMaxAttempts, multipartThreshold, uploadPartSize, uploadParallelism);
    }

    public S3Settings withCredentials(AwsCredentialsProvider value) {
        return new S3Settings(region, endpoint, pathStyle, Optional.ofNullable(value), maxConnections,
                socketTimeout, sdkMaxAttempts, multipartThreshold, uploadPartSize, uploadParallelism);
    }

    public S3Settings withMaxConnections(int value) {
        return new S3Settings(region, endpoint, pathStyle, credentials, value,
                socketTimeout, sdkMaxAttempts, multipartThreshold, uploadPartSize, uploadParallelism);
    }

    public S3Settings withSocketTimeout(Duration value) {
        return new S3Settings(region, endpoint, pathStyle, credentials, maxConnections,
                value, sdkMaxAttempts, multipartThreshold, uploadPartSize, uploadParallelism);
    }

    public S3Settings withSdkMaxAttempts(int value) {
        return new S3Settings(region, endpoint, pathStyle, credentials, maxConnections,
                socketTimeout, value, multipartThreshold, uploadPartSize, uploadParallelism);
    }

    public S3Settings withMultipart(long threshold, long partSize, int parallelism) {
        return new S3Settings(region, endpoint, pathStyle, credentials, maxConnections,
                socketTimeout, sdkMaxAttempts, threshold, partSize, parallelism);
    }
}
