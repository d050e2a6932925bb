package dev.graphfleet.console.service.actions;

/** The kinds of action the console can take on a fleet. */
public enum ActionKind {
    INVALIDATE("Invalidate a database"),
    VOLUME_MONITOR("Run the volume monitor"),
    SNAPSHOT("Take a snapshot"),
    ROLLING_REFRESH("Rolling refresh"),
    ROLLBACK("Roll back"),
    RESTART_NODE("Restart a node");

    private final String label;

    ActionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
