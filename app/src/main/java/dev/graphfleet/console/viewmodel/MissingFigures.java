package dev.graphfleet.console.viewmodel;

import dev.graphfleet.fleet.FleetSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The nodes that gave a view no figures, and why, said in the view's headline so that "all fine" is
 * never claimed over nothing: {@code no figures from 4 nodes, every one: /metrics: HTTP 401: …}.
 */
final class MissingFigures {

    /** At most this many different causes are listed; the rest are counted. */
    private static final int CAUSES_SHOWN = 3;

    private final Map<String, String> whyById = new LinkedHashMap<>();
    private int nodes;

    /** A view's items, one a node: those with figures, and those without them and why. */
    static <T> MissingFigures of(List<T> items, Function<T, String> id, Predicate<T> hasFigures,
                                 Function<T, String> why) {
        MissingFigures missing = new MissingFigures();
        items.forEach(i -> {
            if (hasFigures.test(i)) {
                missing.figures();
            } else {
                missing.missing(id.apply(i), why.apply(i));
            }
        });
        return missing;
    }

    /** A node that gave figures. */
    void figures() {
        nodes++;
    }

    /** A node that gave none, and why. */
    void missing(String id, String why) {
        nodes++;
        whyById.put(id, why == null || why.isBlank() ? "no reason given" : why);
    }

    /** Every node gave figures (and there was at least one). */
    boolean complete() {
        return whyById.isEmpty() && nodes > 0;
    }

    int nodes() {
        return nodes;
    }

    /** How many nodes gave figures. */
    int withFigures() {
        return nodes - whyById.size();
    }

    /**
     * A view's headline: {@link #noneHeadline} when no node gave figures, else the view's {@code verdict},
     * followed by {@link #phrase} when some nodes gave none.
     */
    String headline(FleetSnapshot fleet, String verdict) {
        String none = noneHeadline(fleet);
        if (none != null) {
            return none;
        }
        return complete() ? verdict : verdict + " · " + phrase();
    }

    /**
     * The headline when no node gave figures ({@code null} when some did): the source could not be read,
     * there are no nodes, or every node failed, with the cause when they share one.
     */
    String noneHeadline(FleetSnapshot fleet) {
        if (withFigures() > 0) {
            return null;
        }
        if (nodes == 0) {
            return fleet.sourceReachable() ? "No figures: the source lists no nodes"
                    : "No figures: the source could not be read"
                    + (fleet.sourceError() == null ? "" : " (" + fleet.sourceError() + ")");
        }
        return "No figures from " + phrase().substring("no figures from ".length());
    }

    /** {@code no figures from replica-b: unreachable: …}, or "" when every node gave figures. */
    String phrase() {
        if (whyById.isEmpty()) {
            return "";
        }
        Map<String, List<String>> idsByWhy = new LinkedHashMap<>();
        whyById.forEach((id, why) -> idsByWhy.computeIfAbsent(why, w -> new ArrayList<>()).add(id));
        if (whyById.size() == 1) {
            var only = whyById.entrySet().iterator().next();
            return "no figures from " + only.getKey() + ": " + only.getValue();
        }
        String count = whyById.size() == nodes ? whyById.size() + " nodes" : whyById.size() + " of " + nodes + " nodes";
        if (idsByWhy.size() == 1) {
            String who = whyById.size() == nodes ? "every node" : String.join(", ", whyById.keySet());
            return "no figures from " + count + ", " + who + ": " + idsByWhy.keySet().iterator().next();
        }
        List<String> causes = new ArrayList<>();
        idsByWhy.forEach((why, ids) -> causes.add(String.join(", ", ids) + ": " + why));
        String shown = String.join("; ", causes.subList(0, Math.min(CAUSES_SHOWN, causes.size())));
        int more = causes.size() - CAUSES_SHOWN;
        return "no figures from " + count + " (" + shown + (more > 0 ? "; " + more + " more causes" : "") + ")";
    }
}
