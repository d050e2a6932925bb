package dev.graphfleet.fleet.refresh;

import java.util.List;
import java.util.Objects;

/**
 * A rolling refresh of a replica group onto {@code target}.
 *
 * @param replaceOrder    the instances to replace, one at a time, in this order: those not serving first
 *                        (replacing them costs no capacity), then the serving ones
 * @param alreadyOnTarget instances that already run the target and stay
 * @param refusal         why the refresh must not run as asked, or null
 */
public record RefreshPlan(String target, List<String> replaceOrder, List<String> alreadyOnTarget, String refusal) {

    public RefreshPlan {
        Objects.requireNonNull(target, "target");
        replaceOrder = List.copyOf(replaceOrder);
        alreadyOnTarget = List.copyOf(alreadyOnTarget);
    }

    public boolean isRefused() {
        return refusal != null;
    }

    public boolean isNothingToDo() {
        return refusal == null && replaceOrder.isEmpty();
    }
}
