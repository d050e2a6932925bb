package dev.graphfleet.console.service.actions;

import java.util.List;
import java.util.Objects;

/**
 * What an action will do, prepared off the FX thread and shown for confirmation.
 *
 * @param steps       what will happen, one line each, naming nodes, databases, groups and versions
 * @param nothingToDo true when confirming would change nothing (e.g. the volume plan is all "no action")
 */
public record ActionPlan(ActionRequest request, List<String> steps, boolean nothingToDo) {

    public ActionPlan {
        Objects.requireNonNull(request, "request");
        steps = List.copyOf(steps);
    }

    public static ActionPlan of(ActionRequest request, String... steps) {
        return new ActionPlan(request, List.of(steps), false);
    }
}
