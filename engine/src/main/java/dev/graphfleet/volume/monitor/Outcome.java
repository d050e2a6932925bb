package dev.graphfleet.volume.monitor;

/** What a run did for one instance. */
public enum Outcome {
    /** Nothing needed doing. */
    NONE,
    /** Dry run: the decision is shown and nothing was changed. */
    PLANNED,
    /** The volume was modified and the filesystem grown in this run. */
    EXPANDED,
    /** The volume modification was requested; the filesystem grow resumes on a later run. */
    EXPANSION_PENDING,
    /** The filesystem was grown into space the volume already had. */
    FILESYSTEM_GROWN,
    /** Not now: a modification in progress, or the EBS cooldown. */
    SKIPPED,
    /** A human must look (at the maximum size, fills before the cooldown ends, no volume known). */
    ALERT,
    /** Another monitor holds this volume's expansion lock. */
    LOCKED,
    /** Decided, but too little of the run's time budget was left to act; the next run does it. */
    DEFERRED,
    /** The instance's check did not finish within the run's time budget. */
    NOT_CHECKED,
    /** No metrics from either source, or an action failed. */
    FAILED
}
