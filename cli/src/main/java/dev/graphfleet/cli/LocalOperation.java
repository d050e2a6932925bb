package dev.graphfleet.cli;

import dev.graphfleet.fleet.FleetJson;
import dev.graphfleet.local.LocalControl;
import dev.graphfleet.local.LocalControlClient;
import dev.graphfleet.local.LocalFleet;
import dev.graphfleet.local.LocalJob;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs one operation on the local fleet through its control endpoint (the fleet's process owns the
 * nodes): prints the plan for a dry run, or starts the job, prints its progress as it comes, and its
 * outcome. Exit 0 when it succeeded, 1 when it failed or another job runs.
 */
final class LocalOperation {

    /** How often the job is read: a person watches the lines come. */

    private LocalOperation() {
    }

    static LocalControlClient client(Path dataDir) {
        Path dir = dataDir != null ? dataDir : LocalFleet.defaultDataDir();
        return LocalControlClient.open(dir).orElseThrow(() -> new UsageException("no local fleet is running with data in "
                + dir + ": start one with ./graphfleet local" + (dataDir == null ? "" : " --data " + dir)
                + ", or pass --aws --env ENV for a fleet in AWS"));
    }

    static int run(LocalControlClient client, LocalControl.Request request, boolean dryRun, boolean json,
                   PrintWriter out, PrintWriter err) throws InterruptedException {
        if (dryRun) {
            List<String> changes;
            try {
                changes = client.plan(request);
            } catch (IllegalArgumentException e) {
                err.println("graphfleet: " + e.getMessage());
                return GraphfleetCli.EXIT_FAILURE;
            }
            if (json) {
                out.println(write(java.util.Map.of("dry_run", true, "changes", changes)));
            } else {
                out.println("Dry run: nothing changes. A " + request.kind() + " would:");
                changes.forEach(c -> out.println("  " + c));
            }
            return GraphfleetCli.EXIT_OK;
        }
        LocalControlClient.Started started = client.start(request);
        if (started.job() == null) {
            err.println("graphfleet: " + started.refusal());
            return GraphfleetCli.EXIT_FAILURE;
        }
        if (!started.started()) {
            err.println("graphfleet: " + started.refusal());
            err.println("  follow it with: graphfleet fleet status (job id " + started.job().id() + ")");
            return GraphfleetCli.EXIT_FAILURE;
        }
        LocalJob job = started.job();
        if (!json) {
            out.println("started " + job.describe());
            out.flush();
        }
        job = client.await(job.id(), line -> {
            if (!json) {
                out.println("  " + line);
                out.flush();
            }
        });
        if (json) {
            out.println(write(job));
        }
        if (job.status() == LocalJob.Status.SUCCEEDED) {
            if (!json) {
                out.println("done: " + job.result());
            }
            return GraphfleetCli.EXIT_OK;
        }
        String step = job.progress().isEmpty() ? "before its first step" : "after \"" + job.progress().get(job.progress().size() - 1) + "\"";
        err.println("graphfleet: " + job.kind() + " failed " + step + ": " + job.error());
        return GraphfleetCli.EXIT_FAILURE;
    }

    private static String write(Object value) {
        try {
            return FleetJson.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
