package dev.graphfleet.config;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where shared repositories are published: {@code s3://bucket/prefix} or {@code file:///dir}.
 * {@code region} and {@code endpoint} are for S3 (null: the SDK's default chain and AWS's
 * endpoint); {@code cache_dir} is where a node keeps downloaded repositories (null:
 * {@code <data_dir>/repository-cache}, see {@link NodeConfig#cacheDir()}).
 */
public record StoreConfig(URI uri, String region, URI endpoint, Path cacheDir) {

    public boolean isS3() {
        return uri != null && "s3".equals(uri.getScheme());
    }

    public boolean isFile() {
        return uri != null && "file".equals(uri.getScheme());
    }
}
