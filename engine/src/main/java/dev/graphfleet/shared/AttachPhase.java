package dev.graphfleet.shared;

/** Where a repository is on its way to serving queries. */
public enum AttachPhase {
    PENDING, DOWNLOADING, VERIFYING, ATTACHING, ATTACHED, FAILED;

    public boolean isTerminal() {
        return this == ATTACHED || this == FAILED;
    }
}
