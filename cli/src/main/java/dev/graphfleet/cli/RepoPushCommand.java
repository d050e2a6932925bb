package dev.graphfleet.cli;

import dev.graphfleet.repo.BundledEngine;
import dev.graphfleet.repo.Bytes;
import dev.graphfleet.repo.Manifest;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.RepositoryStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphfleet repo push}: publishes a checkpointed database file as the next version. */
@Command(name = "push", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Publish a checkpointed database file as the next version of a repository.")
final class RepoPushCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--file", required = true, paramLabel = "PATH", description = "The database file (checkpointed, closed)")
    Path file;

    @CommandLine.Mixin
    RepositoryNameOption name;

    @Option(names = "--to", required = true, paramLabel = "STORE", description = "s3://bucket/prefix or file:///dir")
    String store;

    @Option(names = "--engine-version", paramLabel = "VERSION",
            description = "Graph engine version that wrote the file (default: the bundled driver's)")
    String engineVersion;

    @CommandLine.Mixin
    StoreOptions storeOptions;

    @Override
    public Integer call() throws Exception {
        RepositoryName repository = name.repository(); // before any file or network access
        String engine = engineVersion != null ? engineVersion : BundledEngine.version().orElseThrow(() ->
                new UsageException("--engine-version is needed: this build does not know its engine version"));
        try (RepositoryStore target = storeOptions.openForPublishing("--to", store)) {
            Manifest manifest = target.publish(repository, file, engine);
            spec.commandLine().getOut().printf("published %s %s to %s (%s, sha256 %s, engine %s)%n",
                    manifest.name(), manifest.version(), target.uri(), Bytes.human(manifest.sizeBytes()),
                    manifest.sha256(), manifest.engineVersion());
        }
        return GraphfleetCli.EXIT_OK;
    }
}
