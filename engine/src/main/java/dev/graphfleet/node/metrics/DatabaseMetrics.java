package dev.graphfleet.node.metrics;

import java.util.Map;
import java.util.TreeMap;

/** The databases on disk (from the background size scan) and their queries in the rolling hour. */
public record DatabaseMetrics(int count, double totalSizeGb, long totalSizeBytes, Map<String, Database> databases) {

    public record Database(long sizeBytes, double sizeGb, long queryCount) {
    }

    public static DatabaseMetrics from(DatabaseSizes sizes, QueryStats queries) {
        Map<String, Database> databases = new TreeMap<>();
        sizes.bytes().forEach((name, bytes) -> databases.put(name,
                new Database(bytes, MetricUnits.gb(bytes), queries.queryCount(name))));
        long total = sizes.totalBytes();
        return new DatabaseMetrics(databases.size(), MetricUnits.gb(total), total, databases);
    }
}
