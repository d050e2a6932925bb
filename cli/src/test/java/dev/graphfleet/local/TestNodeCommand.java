package dev.graphfleet.local;

import dev.graphfleet.cli.GraphfleetCli;

/** How the tests start the local fleet's nodes: the command line's main, on the tests' class path. */
public final class TestNodeCommand {

    public static final NodeCommand SERVE = NodeCommand.serve(GraphfleetCli.CHILD_MAIN);

    private TestNodeCommand() {
    }
}
