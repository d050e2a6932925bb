package dev.graphfleet.pool;

import java.util.List;

/**
 * A connection lent out longer than the leak detection threshold and still not given back.
 *
 * @param database     the database it belongs to
 * @param connectionId the physical connection
 * @param thread       the borrower's thread name (null if unknown)
 * @param heldForMs    how long it has been lent out, now
 * @param stack        the top frames of the borrower's stack when the leak was noticed (where it still was)
 */
public record SuspectedLeak(String database, long connectionId, String thread, long heldForMs, List<String> stack) {

    public SuspectedLeak {
        stack = List.copyOf(stack);
    }
}
