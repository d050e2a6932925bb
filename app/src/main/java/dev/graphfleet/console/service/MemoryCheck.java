package dev.graphfleet.console.service;

import dev.graphfleet.config.ConfigValidator;
import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.config.InstanceConfig;
import dev.graphfleet.config.InstanceType;
import dev.graphfleet.config.InstanceTypes;
import dev.graphfleet.config.Problem;
import dev.graphfleet.config.TierConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Judges a running node's memory the way {@link ConfigValidator} judges a config: its buffer-pool
 * budget plus the OS overhead must fit the instance's RAM (the original ran a writer's 10 GB on an
 * 8 GB replica and crashed). The node's figures are turned into a one-tier config and validated, so
 * the console shows the validator's own reasoning; the node's own over-budget flag (open buffer
 * pools beyond the budget) is added in the same words.
 */
public final class MemoryCheck {

    /** The type name used when only the machine's RAM is known (a node list does not say its EC2 type). */
    static final String THIS_HOST = "this host";
    private static final long MIB = 1024L * 1024L;
    private static final long GIB = 1024L * MIB;

    private final Supplier<InstanceTypes> catalog;

    /**
     * With the built-in catalog, read on the first check: the console builds its poller on the FX
     * thread, and the catalog's YAML should be parsed on the poller's thread, not there.
     */
    public MemoryCheck() {
        this.catalog = InstanceTypes::builtIn;
    }

    public MemoryCheck(InstanceTypes catalog) {
        this.catalog = () -> catalog;
    }

    /** The OS overhead the console assumes; nodes do not report theirs, so it is the config default. */
    public static long osOverheadBytes() {
        return InstanceConfig.DEFAULT_OS_OVERHEAD_MB * MIB;
    }

    /**
     * @param instanceType  the EC2 type when known (its RAM comes from the catalog), else null
     * @param ramBytes      the machine's RAM as the node reports it, or null
     * @param budgetBytes   the node's buffer-pool budget ({@code max_memory_mb})
     * @param openPools     buffer pools of the open databases, as configured
     * @param nodeSaysOver  the node's own {@code over_budget}
     */
    public MemoryVerdict check(String instanceType, Long ramBytes, long budgetBytes, List<Long> openPools,
                               boolean nodeSaysOver) {
        List<String> reasons = new ArrayList<>(validatorReasons(instanceType, ramBytes, budgetBytes));
        long openTotal = openPools.stream().mapToLong(Long::longValue).sum();
        if (nodeSaysOver || openTotal > budgetBytes) {
            reasons.add("buffer pools of " + openPools.size() + " open database" + (openPools.size() == 1 ? "" : "s")
                    + " take " + openTotal / MIB + " MB, more than the node's budget max_memory_mb "
                    + budgetBytes / MIB + " MB: the node may run out of memory as they fill");
        }
        return new MemoryVerdict(!reasons.isEmpty(), reasons);
    }

    private List<String> validatorReasons(String instanceType, Long ramBytes, long budgetBytes) {
        InstanceTypes types = catalog.get();
        String type = instanceType;
        if (type == null || types.find(type).isEmpty()) {
            if (ramBytes == null || ramBytes <= 0) {
                return List.of(); // nothing to compare the budget with
            }
            int gib = (int) Math.max(1, Math.round((double) ramBytes / GIB));
            type = THIS_HOST;
            types = new InstanceTypes(Map.of(THIS_HOST, new InstanceType(THIS_HOST, 0, gib)));
        }
        InstanceConfig instance = new InstanceConfig(type, 1, (int) Math.max(1, budgetBytes / MIB),
                0, InstanceConfig.DEFAULT_CONNECTION_POOL_SIZE, InstanceConfig.DEFAULT_QUERY_TIMEOUT_SECONDS,
                InstanceConfig.DEFAULT_MAX_QUERY_LENGTH, InstanceConfig.DEFAULT_OS_OVERHEAD_MB,
                InstanceConfig.DEFAULT_CHECKPOINT_THRESHOLD_MB, Map.of());
        GraphfleetConfig config = new GraphfleetConfig(GraphfleetConfig.LOCAL,
                Map.of("node", new TierConfig(instance, List.of())), Map.of(), null, null, null);
        return new ConfigValidator(types).validate(config).stream()
                .filter(Problem::isError)
                .filter(p -> p.path().endsWith(".max_memory_mb"))
                .map(p -> p.message() + " (" + p.fix() + ")")
                .toList();
    }

    /** Whether a node's memory is over budget, and why in plain words (empty when it is not). */
    public record MemoryVerdict(boolean overBudget, List<String> reasons) {

        public MemoryVerdict {
            reasons = List.copyOf(reasons);
        }
    }
}
