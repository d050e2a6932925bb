package dev.graphfleet.pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides which Databases to close when their buffer pools together pass the node's memory
 * budget: least recently used first, until the sum is back under the high-water mark.
 */
public final class EvictionPlanner {

    private EvictionPlanner() {
    }

    /**
     * @param budgetBytes the node's memory budget ({@code max_memory_mb})
     * @param highWater   fraction of the budget that triggers eviction, e.g. 0.9
     * @return the databases to close, in the order to close them; empty when under the mark
     */
    public static List<String> plan(long budgetBytes, double highWater, List<BufferPoolUsage> usage) {
        long limit = (long) (budgetBytes * highWater);
        long total = usage.stream().mapToLong(BufferPoolUsage::usedBytes).sum();
        List<String> evict = new ArrayList<>();
        if (total <= limit) {
            return evict;
        }
        List<BufferPoolUsage> coldestFirst = new ArrayList<>(usage);
        coldestFirst.sort(Comparator.comparingLong(BufferPoolUsage::lastBorrowedNanos));
        // Never evict the most recently used database: it is where the queries are.
        for (BufferPoolUsage candidate : coldestFirst.subList(0, Math.max(0, coldestFirst.size() - 1))) {
            if (total <= limit) {
                break;
            }
            evict.add(candidate.database());
            total -= candidate.usedBytes();
        }
        return evict;
    }
}
