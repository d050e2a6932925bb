package dev.graphfleet.console.service.actions;

import java.net.URI;
import java.util.Objects;

/**
 * One concrete action, with everything it acts on named: which node, database, repository, group.
 * What it will do in detail comes from {@link FleetActions#prepare} (for the volume monitor, its plan).
 */
public sealed interface ActionRequest {

    ActionKind kind();

    /** One line for menus and the palette, e.g. "Invalidate customer_a on writer-1". */
    String title();

    /** Changes what the fleet serves or runs: confirmed, then a cancellable countdown. */
    default boolean destructive() {
        return true;
    }

    /** Closes one database's connections and Database on one node; the next query reopens it. */
    record Invalidate(String instanceId, URI endpoint, String database) implements ActionRequest {
        public Invalidate {
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(database, "database");
        }

        @Override public ActionKind kind() { return ActionKind.INVALIDATE; }
        @Override public String title() { return "Invalidate " + database + " on " + instanceId; }
        @Override public boolean destructive() { return false; }
    }

    /** The volume monitor over the whole fleet: planned (dry run) first, applied after confirmation. */
    record RunVolumeMonitor() implements ActionRequest {
        @Override public ActionKind kind() { return ActionKind.VOLUME_MONITOR; }
        @Override public String title() { return "Run the volume monitor (plan, then apply)"; }
    }

    /** Publishes the master's repository as a new version and moves the group's replicas to it. */
    record Snapshot(String group, String repository) implements ActionRequest {
        @Override public ActionKind kind() { return ActionKind.SNAPSHOT; }
        @Override public String title() { return "Snapshot " + repository + " and roll it out to " + group; }
    }

    /** Moves the group's replicas to the newest version of the repository, one at a time. */
    record RollingRefresh(String group, String repository) implements ActionRequest {
        @Override public ActionKind kind() { return ActionKind.ROLLING_REFRESH; }
        @Override public String title() { return "Rolling refresh of " + group + " to the newest " + repository; }
    }

    /** Moves the group's replicas back to the version before the newest, one at a time. */
    record Rollback(String group, String repository) implements ActionRequest {
        @Override public ActionKind kind() { return ActionKind.ROLLBACK; }
        @Override public String title() { return "Roll back " + repository + " on " + group; }
    }

    /** Stops a node and starts it again on the same port and data. */
    record RestartNode(String instanceId) implements ActionRequest {
        @Override public ActionKind kind() { return ActionKind.RESTART_NODE; }
        @Override public String title() { return "Restart " + instanceId; }
    }
}
