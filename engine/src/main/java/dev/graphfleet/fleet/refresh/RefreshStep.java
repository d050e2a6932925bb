package dev.graphfleet.fleet.refresh;

/** What a rolling refresh wants done next. */
public sealed interface RefreshStep {

    /** Take this instance out (terminate it; the group launches its replacement from the target). */
    record Replace(String instanceId) implements RefreshStep {
    }

    /** Nothing to do now: look again later. */
    record Wait(String reason) implements RefreshStep {
    }

    /**
     * The refresh stopped and will take no further step: an instance failed or a replacement runs the
     * wrong snapshot. The group keeps serving from what it has.
     *
     * @param instanceId the instance at fault, or null
     */
    record Stopped(String reason, String instanceId) implements RefreshStep {
    }

    /** Every instance was replaced; {@code verification} says whether the group really runs the target. */
    record Done(Verification verification) implements RefreshStep {
    }

    /** The plan was refused; nothing was touched. */
    record Refused(String reason) implements RefreshStep {
    }
}
