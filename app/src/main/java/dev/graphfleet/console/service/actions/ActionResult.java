package dev.graphfleet.console.service.actions;

import java.util.List;
import java.util.Objects;

/**
 * How an action ended.
 *
 * @param summary one line for the status bar, e.g. "Invalidated customer_a on writer-1 (it was open)"
 * @param details what happened step by step, or the error
 */
public record ActionResult(ActionRequest request, boolean ok, String summary, List<String> details) {

    public ActionResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(summary, "summary");
        details = List.copyOf(details);
    }

    public static ActionResult ok(ActionRequest request, String summary, List<String> details) {
        return new ActionResult(request, true, summary, details);
    }

    public static ActionResult failed(ActionRequest request, String error) {
        return new ActionResult(request, false, request.title() + " failed: " + error, List.of(error));
    }
}
