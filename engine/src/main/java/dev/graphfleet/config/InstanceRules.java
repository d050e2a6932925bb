package dev.graphfleet.config;

import java.util.Map;
import java.util.Optional;

/** Checks of an instance block: the type exists, the numbers make sense, the memory fits the RAM. */
final class InstanceRules {

    /** Half of a 47-bit user address space, in MB: the rest is for the heap, buffer pools and libraries. */
    private static final long ADDRESS_SPACE_MB = 1L << 26;

    private final InstanceTypes catalog;
    private final boolean typeRequired;

    InstanceRules(InstanceTypes catalog, boolean typeRequired) {
        this.catalog = catalog;
        this.typeRequired = typeRequired;
    }

    /**
     * @param prefix   path of the block, e.g. {@code tiers.ladybug-shared.instance}
     * @param instance the block with defaults (and, for a replica group, its tier) applied
     * @param declared what the block itself sets; for a replica group, a value it does not set is
     *                 inherited from {@code inheritedFrom}, and messages say so
     */
    void check(String prefix, InstanceConfig instance, InstanceSpec declared, String inheritedFrom, Findings out) {
        Optional<InstanceType> type = checkType(prefix, instance.type(), out);
        out.atLeast(prefix + ".databases_per_instance", instance.databasesPerInstance(), 1, "");
        out.atLeast(prefix + ".max_memory_mb", instance.maxMemoryMb(), 1, " MB");
        out.atLeast(prefix + ".memory_per_db_mb", instance.memoryPerDbMb(), 0, " MB");
        out.atLeast(prefix + ".connection_pool_size", instance.connectionPoolSize(), 1, "");
        out.atLeast(prefix + ".query_timeout", instance.queryTimeoutSeconds(), 1, " s");
        out.atLeast(prefix + ".max_query_length", instance.maxQueryLength(), 1, "");
        out.atLeast(prefix + ".os_overhead_mb", instance.osOverheadMb(), 0, " MB");
        out.atLeast(prefix + ".checkpoint_threshold_mb", instance.checkpointThresholdMb(), 1, " MB");
        checkThresholdOverrides(prefix + ".checkpoint_threshold_mb_by_database",
                instance.checkpointThresholdMbByDatabase(), out);
        checkMaxDbSize(prefix + ".max_db_size_mb", instance, out);
        type.ifPresent(t -> checkMemoryFits(prefix, instance, t, declared, inheritedFrom, out));
        checkPerDatabaseWithinBudget(prefix, instance, declared, inheritedFrom, out);
    }

    private Optional<InstanceType> checkType(String prefix, String type, Findings out) {
        String path = prefix + ".type";
        if (type == null) {
            if (typeRequired) {
                out.error(path, "missing: outside the local environment every instance needs a type",
                        "set " + path + " to an EC2 instance type, e.g. r7g.large");
            }
            return Optional.empty();
        }
        Optional<InstanceType> known = catalog.find(type);
        if (known.isEmpty()) {
            out.error(path, "unknown instance type " + Names.quote(type),
                    Suggestions.nearest(type, catalog.names()).map(s -> "did you mean " + s + "? ").orElse("")
                            + "known types: m6g, m7g, r6g and r7g, medium to 16xlarge"
                            + " (add others to instance-types.yml)");
        }
        return known;
    }

    private static void checkThresholdOverrides(String path, Map<String, Integer> overrides, Findings out) {
        overrides.forEach((database, mb) -> {
            if (!Names.isValid(database)) {
                out.error(path + "." + database, Names.quote(database) + " is not a valid database name",
                        "use " + Names.RULE);
            } else if (mb == null || mb < 1) {
                out.error(path + "." + database, "must be a threshold of at least 1 MB",
                        "set it to a size in MB, e.g. 128");
            }
        });
    }

    /**
     * The engine reserves this much address space per open database and refuses sizes that are not a
     * power of two or below 8 MB; about 128 TiB of address space is all a process has.
     */
    private static void checkMaxDbSize(String path, InstanceConfig instance, Findings out) {
        int mb = instance.maxDbSizeMb();
        if (mb < InstanceConfig.MIN_MAX_DB_SIZE_MB || Integer.bitCount(mb) != 1) {
            out.error(path, "must be a power of two of at least " + InstanceConfig.MIN_MAX_DB_SIZE_MB
                    + " MB (the engine reserves it as address space), got " + mb,
                    "set it to a power of two in MB, e.g. " + Integer.highestOneBit(Math.max(
                            InstanceConfig.MIN_MAX_DB_SIZE_MB, mb)) + " or the default "
                            + InstanceConfig.DEFAULT_MAX_DB_SIZE_MB + " (1 TiB)");
            return;
        }
        long reservedMb = (long) mb * instance.databasesPerInstance();
        if (reservedMb > ADDRESS_SPACE_MB) {
            out.warning(path, "max_db_size_mb " + mb + " MB × databases_per_instance " + instance.databasesPerInstance()
                            + " = " + reservedMb + " MB of address space, more than the " + ADDRESS_SPACE_MB
                            + " MB a process can reserve: databases would fail to open (\"Mmap ... failed\")",
                    "set max_db_size_mb to at most " + Long.highestOneBit(ADDRESS_SPACE_MB / instance.databasesPerInstance()));
        }
    }

    /** The original ran a writer's 10 GB buffer pool on an 8 GB replica and crashed: refuse that here. */
    private static void checkMemoryFits(String prefix, InstanceConfig instance, InstanceType type,
            InstanceSpec declared, String inheritedFrom, Findings out) {
        int needed = instance.memoryNeededMb();
        if (needed <= type.memoryMb()) {
            return;
        }
        String path = prefix + ".max_memory_mb";
        int most = type.memoryMb() - instance.osOverheadMb();
        String fix = most > 0
                ? "set " + path + " to at most " + most + " (RAM − os_overhead_mb), or choose an instance type"
                        + " with at least " + needed + " MB of RAM"
                : "choose an instance type with at least " + needed + " MB of RAM";
        out.error(path, "max_memory_mb " + instance.maxMemoryMb() + " MB + os_overhead_mb "
                + instance.osOverheadMb() + " MB = " + needed + " MB is more than the " + type.memoryMb()
                + " MB of RAM on " + type.name() + inherited("max_memory_mb", declared, inheritedFrom)
                + ": the node would run out of memory", fix);
    }

    private static void checkPerDatabaseWithinBudget(String prefix, InstanceConfig instance, InstanceSpec declared,
            String inheritedFrom, Findings out) {
        if (instance.memoryPerDbMb() > instance.maxMemoryMb() && instance.maxMemoryMb() > 0) {
            String path = prefix + ".memory_per_db_mb";
            out.warning(path, "memory_per_db_mb " + instance.memoryPerDbMb() + " MB is more than max_memory_mb "
                    + instance.maxMemoryMb() + " MB" + inherited("memory_per_db_mb", declared, inheritedFrom)
                    + "; each database's buffer pool is capped at " + instance.maxMemoryMb() + " MB",
                    "set " + path + " to at most " + instance.maxMemoryMb() + ", or 0 to use max_memory_mb");
        }
    }

    /**
     * A writer tier's buffer pools, all open at once, beyond its budget. Oversubscription is on
     * purpose in the standard tier (most databases are idle), so this is a warning. Shared tiers
     * are left out: there every repository may use the whole budget and the memory governor
     * closes the least-recently-used one.
     */
    static void checkOversubscription(String prefix, TierConfig tier, Findings out) {
        InstanceConfig instance = tier.instance();
        int perDb = instance.memoryPerDbMb();
        int databases = instance.databasesPerInstance();
        long total = (long) perDb * databases;
        if (tier.isShared() || perDb <= 0 || perDb > instance.maxMemoryMb() || total <= instance.maxMemoryMb()) {
            return;
        }
        out.warning(prefix + ".memory_per_db_mb", "memory_per_db_mb " + perDb + " MB × databases_per_instance "
                        + databases + " = " + total + " MB is more than max_memory_mb " + instance.maxMemoryMb()
                        + " MB: buffer pools are oversubscribed",
                "fine when most databases are idle; otherwise set memory_per_db_mb to at most "
                        + instance.maxMemoryMb() / databases + " (max_memory_mb ÷ databases_per_instance)");
    }

    private static String inherited(String key, InstanceSpec declared, String inheritedFrom) {
        return declared != null && inheritedFrom != null && !declared.sets(key)
                ? " (" + key + " is inherited from " + inheritedFrom + ")"
                : "";
    }
}
