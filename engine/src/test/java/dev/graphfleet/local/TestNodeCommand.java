package dev.graphfleet.local;

/** How the engine's tests start the local fleet's nodes: the command line's main, on the tests' class path. */
public final class TestNodeCommand {

    public static final NodeCommand SERVE = NodeCommand.serve("dev.graphfleet.cli.GraphfleetCli");

    private TestNodeCommand() {
    }
}
