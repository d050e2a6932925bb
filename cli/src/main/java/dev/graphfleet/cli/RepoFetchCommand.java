package dev.graphfleet.cli;

import dev.graphfleet.repo.Bytes;
import dev.graphfleet.repo.FetchListener;
import dev.graphfleet.repo.FetchOptions;
import dev.graphfleet.repo.FetchProgress;
import dev.graphfleet.repo.FetchResult;
import dev.graphfleet.repo.Manifest;
import dev.graphfleet.repo.RepositoryCache;
import dev.graphfleet.repo.RepositoryFetcher;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.RepositoryStore;
import dev.graphfleet.repo.Version;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphfleet repo fetch}: downloads a version into a local cache, verified, with a progress line. */
@Command(name = "fetch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Download a repository version into a local cache directory (resumable, sha256-verified).")
final class RepoFetchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StoreUriOption store;

    @CommandLine.Mixin
    RepositoryNameOption name;

    @Option(names = "--cache", required = true, paramLabel = "DIR", description = "Cache directory on the data volume")
    Path cacheDir;

    @Option(names = "--repo-version", paramLabel = "vN", description = "Version to fetch (default: the current one)")
    String version;

    @Option(names = "--cache-budget", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Most the cache may hold; older unused versions are evicted (default: no limit)")
    Long cacheBudget;

    @Option(names = "--part-size", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Bytes per ranged read (default: 8m)")
    long partSize = FetchOptions.DEFAULT_PART_SIZE;

    @Option(names = "--parallelism", paramLabel = "N", description = "Parallel ranged reads (default: 8)")
    int parallelism = FetchOptions.DEFAULT_PARALLELISM;

    @Override
    public Integer call() throws Exception {
        RepositoryName repository = name.repository(); // before any file or network access
        Version wanted = version == null ? null : CliNames.version(version);
        FetchOptions options;
        try {
            options = FetchOptions.defaults().withPartSize(partSize).withParallelism(parallelism);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        try (RepositoryStore source = store.open()) {
            Manifest manifest = wanted == null ? source.current(repository) : source.manifest(repository, wanted);
            RepositoryCache cache = new RepositoryCache(cacheDir, cacheBudget == null ? Long.MAX_VALUE : cacheBudget,
                    Set::of, Clock.systemUTC());
            ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), System.console() != null);
            FetchResult result = new RepositoryFetcher(source, cache, options).fetch(manifest, progress);
            progress.finish();
            spec.commandLine().getOut().printf("%s %s %s (%s, sha256 verified): %s%n",
                    result.fromCache() ? "already cached" : "fetched", manifest.name(), manifest.version(),
                    Bytes.human(manifest.sizeBytes()), result.file());
        }
        return GraphfleetCli.EXIT_OK;
    }

    /** One line that updates in place on a terminal, or a line per 10 % and per phase otherwise. */
    static final class ProgressLine implements FetchListener {
        private final PrintWriter err;
        private final boolean terminal;
        private FetchProgress.Phase lastPhase;
        private int lastTenth = -1;
        private boolean open;

        ProgressLine(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void onProgress(FetchProgress p) {
            int tenth = (int) (p.fraction() * 10);
            boolean changed = p.phase() != lastPhase;
            if (!terminal && !changed && tenth == lastTenth) {
                return;
            }
            lastPhase = p.phase();
            lastTenth = tenth;
            String line = String.format(Locale.ROOT, "%s %s: %-11s %s / %s (%d%%)", p.ref().name(), p.ref().version(),
                    p.phase().name().toLowerCase(Locale.ROOT), Bytes.human(p.bytesDone()), Bytes.human(p.bytesTotal()),
                    (int) (p.fraction() * 100));
            if (terminal) {
                err.print("\r" + line + "   ");
                open = true;
            } else {
                err.println(line);
            }
            err.flush();
        }

        void finish() {
            if (open) {
                err.println();
                err.flush();
            }
        }
    }
}
