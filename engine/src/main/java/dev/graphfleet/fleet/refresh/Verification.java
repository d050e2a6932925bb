package dev.graphfleet.fleet.refresh;

import dev.graphfleet.fleet.OrderedMaps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * After a refresh: does every instance of the group really run the target snapshot, and serve?
 * The original never checked: it changed the launch template's default version while the group was
 * pinned to a numbered version, so the "refreshed" group came back on the old snapshot.
 *
 * @param onTarget       instances that run the target
 * @param offTarget      instance → the snapshot it runs instead
 * @param unknownVersion instances whose snapshot could not be read
 * @param notServing     instances that do not serve (whatever they run)
 * @param desired        how many instances the group should have
 */
public record Verification(String target, List<String> onTarget, Map<String, String> offTarget,
                           List<String> unknownVersion, List<String> notServing, int desired) {

    public Verification {
        Objects.requireNonNull(target, "target");
        onTarget = List.copyOf(onTarget);
        offTarget = OrderedMaps.copyOf(offTarget);
        unknownVersion = List.copyOf(unknownVersion);
        notServing = List.copyOf(notServing);
    }

    /** Checks {@code members} against {@code target}; {@code desired} is the group's desired capacity. */
    public static Verification of(List<Member> members, String target, int desired) {
        List<String> on = new ArrayList<>();
        Map<String, String> off = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> down = new ArrayList<>();
        for (Member m : members) {
            if (m.version() == null) {
                unknown.add(m.instanceId());
            } else if (m.runs(target)) {
                on.add(m.instanceId());
            } else {
                off.put(m.instanceId(), m.version());
            }
            if (!m.isServing()) {
                down.add(m.instanceId());
            }
        }
        return new Verification(target, on, off, unknown, down, desired);
    }

    public int instances() {
        return onTarget.size() + offTarget.size() + unknownVersion.size();
    }

    /** Every instance runs the target and serves, and the group has its desired count. */
    public boolean ok() {
        return offTarget.isEmpty() && unknownVersion.isEmpty() && notServing.isEmpty() && instances() >= desired;
    }

    /** One line for an operator: what is right, or each thing that is wrong and what to do. */
    public String summary() {
        if (ok()) {
            return "all " + instances() + " instances run " + target + " and serve";
        }
        List<String> problems = new ArrayList<>();
        if (!offTarget.isEmpty()) {
            StringBuilder which = new StringBuilder();
            offTarget.forEach((id, v) -> which.append(which.length() == 0 ? "" : ", ").append(id).append(": ").append(v));
            problems.add(offTarget.size() + " of " + instances() + " instances run another snapshot than " + target
                    + " (" + which + "); the group launches a launch template version without " + target
                    + " (pinned to a numbered version?): point the group at the version that carries " + target
                    + " and refresh again");
        }
        if (!unknownVersion.isEmpty()) {
            problems.add("the snapshot of " + String.join(", ", unknownVersion) + " could not be read");
        }
        if (!notServing.isEmpty()) {
            problems.add(String.join(", ", notServing) + (notServing.size() == 1 ? " does" : " do") + " not serve");
        }
        if (instances() < desired) {
            problems.add("only " + instances() + " of the desired " + desired + " instances are in the group");
        }
        return String.join("; ", problems);
    }
}
