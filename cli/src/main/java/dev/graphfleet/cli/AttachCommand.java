package dev.graphfleet.cli;

import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.pool.PoolSettings;
import dev.graphfleet.repo.Bytes;
import dev.graphfleet.repo.FetchOptions;
import dev.graphfleet.repo.RepositoryCache;
import dev.graphfleet.repo.RepositoryFetcher;
import dev.graphfleet.repo.RepositoryStore;
import dev.graphfleet.shared.AttachPhase;
import dev.graphfleet.shared.AttachSettings;
import dev.graphfleet.shared.AttachmentStatus;
import dev.graphfleet.shared.SharedRepositories;
import dev.graphfleet.shared.SharedRepositorySettings;
import dev.graphfleet.shared.StoreRepositorySource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graphfleet attach}: fetches and attaches shared repositories in the foreground, as a
 * shared node does at startup, and reports each one's phases; exit 1 if any failed.
 */
@Command(name = "attach", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Fetch shared repositories from a store and attach them within one memory budget.")
final class AttachCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StoreUriOption store;

    @Option(names = "--repos", required = true, split = ",", paramLabel = "NAME[,NAME...]",
            description = "Repositories to attach, e.g. sec,industry,economic")
    List<String> repositories;

    @Option(names = "--data-dir", defaultValue = ".graphfleet/attach", paramLabel = "DIR",
            description = "Data volume; the cache is DIR/repository-cache (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--memory-mb", defaultValue = "2048", paramLabel = "MB",
            description = "The one memory budget of all repositories (default: ${DEFAULT-VALUE})")
    long memoryMb;

    @Option(names = "--attempts", defaultValue = "3", description = "Tries per repository (default: ${DEFAULT-VALUE})")
    int attempts;

    @Option(names = "--backoff-s", defaultValue = "5,10", split = ",",
            description = "Waits between tries in seconds (default: ${DEFAULT-VALUE})")
    List<Long> backoffSeconds;

    @Override
    public Integer call() throws Exception {
        Set<String> names = new LinkedHashSet<>();
        for (String name : repositories) {
            names.add(CliNames.repository(name.strip()).value()); // before any file or network access
        }
        if (memoryMb < 16) {
            throw new UsageException("--memory-mb must be at least 16, got " + memoryMb);
        }
        AttachSettings attach = new AttachSettings(attempts,
                backoffSeconds.stream().map(Duration::ofSeconds).toList(), Duration.ofMinutes(1));
        SharedRepositorySettings settings = SharedRepositorySettings.defaults(memoryMb << 20).withAttach(attach)
                .withPool(PoolSettings.DEFAULTS.withBackgroundMaintenance(false));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AtomicReference<SharedRepositories> shared = new AtomicReference<>();
        try (RepositoryStore source = store.open()) {
            RepositoryCache cache = new RepositoryCache(SharedRepositories.defaultCacheDir(dataDir), Long.MAX_VALUE,
                    () -> shared.get() == null ? Set.of() : shared.get().servingVersions(), Clock.systemUTC());
            RepositoryFetcher fetcher = new RepositoryFetcher(source, cache, FetchOptions.defaults());
            try (SharedRepositories repos = new SharedRepositories(GraphEngines.load(),
                    new StoreRepositorySource(source, fetcher), settings, Clock.systemUTC())) {
                shared.set(repos);
                List<AttachmentStatus> finished = attachInForeground(repos, names, err);
                return report(repos, finished, out, err);
            }
        }
    }

    /** Waits until every repository attached or used up its tries, printing each change of phase. */
    private static List<AttachmentStatus> attachInForeground(SharedRepositories repos, Set<String> names, PrintWriter err)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        repos.attachments().addListener(status -> {
            synchronized (err) {
                err.printf(Locale.ROOT, "%-12s %-11s try %d%s%s%n", status.repository(),
                        status.phase().name().toLowerCase(Locale.ROOT), status.attempts(),
                        status.bytesTotal() > 0 ? "  " + Bytes.human(status.bytesDone()) + " / " + Bytes.human(status.bytesTotal()) : "",
                        status.lastError() == null ? "" : "  (" + status.lastError() + ")");
                err.flush();
            }
            List<AttachmentStatus> all = repos.attachments().statuses();
            if (all.size() == names.size() && all.stream().allMatch(s -> s.phase().isTerminal())) {
                done.countDown();
            }
        });
        repos.attachAll(names);
        done.await();
        return repos.attachments().statuses();
    }

    private static int report(SharedRepositories repos, List<AttachmentStatus> statuses, PrintWriter out, PrintWriter err) {
        List<List<Object>> rows = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (AttachmentStatus status : statuses) {
            String tables = "";
            if (status.phase() == AttachPhase.ATTACHED) {
                tables = String.valueOf(repos.pool().query(status.repository(), "CALL show_tables() RETURN name").size());
            } else {
                failed.add(status.repository() + ": " + status.lastError());
            }
            rows.add(List.of(status.repository(), status.phase().name().toLowerCase(Locale.ROOT),
                    status.version() == null ? "-" : status.version(), status.attempts(),
                    millis(status, AttachPhase.DOWNLOADING), millis(status, AttachPhase.VERIFYING),
                    millis(status, AttachPhase.ATTACHING), Bytes.human(status.bytesTotal()), tables));
        }
        out.print(TablePrinter.render(List.of("repository", "phase", "version", "tries", "download_ms", "verify_ms",
                "attach_ms", "size", "tables"), rows));
        out.flush();
        if (!failed.isEmpty()) {
            err.println("graphfleet: " + failed.size() + " repository(ies) failed to attach: " + String.join("; ", failed));
            err.flush();
            return GraphfleetCli.EXIT_FAILURE;
        }
        return GraphfleetCli.EXIT_OK;
    }

    private static String millis(AttachmentStatus status, AttachPhase phase) {
        Duration took = status.phaseTimes().get(phase);
        return took == null ? "-" : String.valueOf(took.toMillis());
    }
}
