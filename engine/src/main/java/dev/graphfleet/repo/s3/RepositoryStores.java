package dev.graphfleet.repo.s3;

import dev.graphfleet.repo.FileRepositoryStore;
import dev.graphfleet.repo.RepositoryStore;
import dev.graphfleet.repo.StoreUri;

/** Opens the store a URI names: {@code file://} directly, {@code s3://} with the given settings. */
public final class RepositoryStores {

    private RepositoryStores() {
    }

    public static RepositoryStore open(StoreUri uri, S3Settings s3) {
        if (uri instanceof StoreUri.S3 bucket) {
            return S3RepositoryStore.open(bucket, s3);
        }
        return new FileRepositoryStore((StoreUri.Local) uri);
    }
}
