package dev.graphfleet.cli;

import dev.graphfleet.repo.RepositoryStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --store STORE} and how to reach it: the store a command reads repositories from. */
final class StoreUriOption {

    @Option(names = "--store", required = true, paramLabel = "STORE", description = "s3://bucket/prefix or file:///dir")
    String store;

    @Mixin
    StoreOptions storeOptions;

    RepositoryStore open() {
        return storeOptions.open("--store", store);
    }
}
