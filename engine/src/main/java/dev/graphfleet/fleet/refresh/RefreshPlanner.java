package dev.graphfleet.fleet.refresh;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans a rolling refresh: one instance at a time, never more than one out, so the group keeps
 * serving throughout. Refuses when the group cannot keep serving while an instance is replaced
 * (a group of one serving instance).
 */
public final class RefreshPlanner {

    private RefreshPlanner() {
    }

    public static RefreshPlan plan(List<Member> members, String target) {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("a refresh needs a target snapshot id, e.g. snap-0123456789abcdef0");
        }
        List<String> onTarget = new ArrayList<>();
        List<String> notServing = new ArrayList<>();
        List<String> serving = new ArrayList<>();
        long servingOnTarget = 0;
        for (Member m : members) {
            if (m.runs(target)) {
                onTarget.add(m.instanceId());
                servingOnTarget += m.isServing() ? 1 : 0;
            } else if (m.isServing()) {
                serving.add(m.instanceId());
            } else {
                notServing.add(m.instanceId());
            }
        }
        List<String> order = new ArrayList<>(notServing);
        order.addAll(serving);
        // While the last serving instance is out, who serves? Those already on target and serving, the
        // replaced non-serving ones (each is healthy before the next step), and the other serving ones.
        long othersThatWillServe = servingOnTarget + notServing.size() + Math.max(0, serving.size() - 1);
        String refusal = null;
        if (!serving.isEmpty() && othersThatWillServe == 0) {
            refusal = "replacing " + serving.get(0) + " would leave the group with no serving instance (it is the only"
                    + " one); raise the group's desired capacity by one for the refresh, then lower it again";
        }
        return new RefreshPlan(target, order, onTarget, refusal);
    }
}
