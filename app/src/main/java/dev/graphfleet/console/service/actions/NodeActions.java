package dev.graphfleet.console.service.actions;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** A source whose only lever is the node API: databases can be invalidated, nothing else. */
final class NodeActions implements FleetActions {

    private final NodeInvalidator invalidator;
    private final String whyNotTheRest;

    NodeActions(NodeInvalidator invalidator, String whyNotTheRest) {
        this.invalidator = Objects.requireNonNull(invalidator, "invalidator");
        this.whyNotTheRest = Objects.requireNonNull(whyNotTheRest, "whyNotTheRest");
    }

    @Override
    public String unavailable(ActionKind kind) {
        return kind == ActionKind.INVALIDATE ? null : whyNotTheRest;
    }

    @Override
    public ActionPlan prepare(ActionRequest request) {
        if (request instanceof ActionRequest.Invalidate invalidate) {
            return Invalidation.plan(invalidate);
        }
        throw new IllegalStateException(whyNotTheRest);
    }

    @Override
    public ActionResult run(ActionRequest request, Consumer<String> progress) {
        if (request instanceof ActionRequest.Invalidate invalidate) {
            return Invalidation.run(invalidator, invalidate, progress);
        }
        return ActionResult.failed(request, whyNotTheRest);
    }

    /** The invalidate plan and run, the same on every source. */
    static final class Invalidation {

        private Invalidation() {
        }

        static ActionPlan plan(ActionRequest.Invalidate r) {
            return ActionPlan.of(r,
                    "Node: " + r.instanceId() + " (" + r.endpoint() + ")",
                    "Database: " + r.database(),
                    "POST /databases/" + r.database() + "/invalidate: the node closes " + r.database()
                            + "'s connections and its Database once the connections in use come back; new queries "
                            + "wait meanwhile.",
                    "The next query reopens it and sees every committed write. No data is changed; other databases "
                            + "are untouched.");
        }

        static ActionResult run(NodeInvalidator invalidator, ActionRequest.Invalidate r, Consumer<String> progress) {
            progress.accept("asking " + r.instanceId() + " to invalidate " + r.database());
            NodeInvalidator.Invalidated answer = invalidator.invalidate(r.endpoint(), r.database());
            String summary = "Invalidated " + r.database() + " on " + r.instanceId()
                    + (answer.wasOpen() ? " (it was open; the next query reopens it)" : " (it was not open)");
            return ActionResult.ok(r, summary, List.of(summary));
        }
    }
}
