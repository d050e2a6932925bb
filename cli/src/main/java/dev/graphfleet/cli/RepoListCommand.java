package dev.graphfleet.cli;

import dev.graphfleet.repo.Bytes;
import dev.graphfleet.repo.RepositoryListing;
import dev.graphfleet.repo.RepositoryStore;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphfleet repo list}: a table of repositories, versions, sizes and the current one. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the repositories in a store with their versions, sizes and current version.")
final class RepoListCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StoreUriOption store;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (RepositoryStore source = store.open()) {
            List<RepositoryListing> listings = source.list();
            if (listings.isEmpty()) {
                out.println("no repositories in " + source.uri());
                return GraphfleetCli.EXIT_OK;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"REPOSITORY", "VERSION", "SIZE", "PUBLISHED", "CURRENT"});
            List<String> problems = new ArrayList<>();
            for (RepositoryListing listing : listings) {
                for (RepositoryListing.VersionEntry version : listing.versions()) {
                    boolean current = listing.current().filter(version.version()::equals).isPresent();
                    rows.add(new String[] {listing.name().value(), version.version().toString(),
                            Bytes.human(version.sizeBytes()),
                            DateTimeFormatter.ISO_INSTANT.format(version.publishedAt().truncatedTo(ChronoUnit.SECONDS)),
                            current ? "*" : ""});
                }
                if (listing.versions().isEmpty()) {
                    rows.add(new String[] {listing.name().value(), "-", "-", "-", ""});
                }
                listing.problem().ifPresent(p -> problems.add(listing.name() + ": " + p));
            }
            printTable(out, rows);
            problems.forEach(p -> out.println("warning: " + p));
        }
        return GraphfleetCli.EXIT_OK;
    }

    private static void printTable(PrintWriter out, List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
