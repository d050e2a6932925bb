package dev.graphfleet.console.service.actions;

import dev.graphfleet.local.LocalControl;
import dev.graphfleet.local.LocalControlClient;
import dev.graphfleet.local.LocalJob;
import dev.graphfleet.local.LocalNode;
import java.util.List;
import java.util.function.Consumer;

/**
 * The local fleet's job queue as the console uses it: the fleet in this process, or one that
 * {@code ./graphfleet local} runs, reached through its control endpoint. Either way one job runs at a
 * time, shared with the CLI's {@code fleet snapshot|refresh|rollback}.
 */
interface LocalOperations {

    /** A new job, or the one already running ({@code started} false); never runs two at once. */
    LocalControlClient.Started start(LocalControl.Request request);

    /** What a snapshot or rollback would change, one line each, changing nothing. */
    List<String> plan(LocalControl.Request request);

    /** Blocks until job {@code id} has finished; {@code progress} hears each of its steps once. */
    LocalJob await(String id, Consumer<String> progress);

    /** The fleet's nodes as they run now. */
    List<LocalNode> nodes();
}
