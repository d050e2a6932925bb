package dev.graphfleet.cli;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.fleet.DataVersion;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.GroupScaling;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.InstanceRefresh;
import dev.graphfleet.fleet.NodeSummary;
import dev.graphfleet.fleet.ReplicaGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A fleet snapshot as text: one row per instance, one per replica group, then a summary line. */
final class FleetTable {

    private FleetTable() {
    }

    static String render(FleetSnapshot fleet) {
        StringBuilder out = new StringBuilder();
        out.append("fleet ").append(fleet.environment()).append(" from ").append(fleet.source())
                .append(" at ").append(fleet.takenAt()).append('\n');
        if (!fleet.instances().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (FleetInstance i : fleet.instances()) {
                rows.add(List.of(i.id(), i.endpoint() == null ? "-" : i.endpoint().toString(), i.roleName(),
                        group(i), i.health().label(), dash(i.state()),
                        version(i.dataVersion()), age(i.dataVersion()), volume(i.node()), pool(i.node()),
                        detail(i)));
            }
            out.append(TablePrinter.render(List.of("INSTANCE", "URL", "ROLE", "GROUP", "HEALTH", "STATE", "VERSION", "AGE",
                    "VOLUME", "POOL", "DETAIL"), rows));
        }
        if (!fleet.replicaGroups().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (ReplicaGroup g : fleet.replicaGroups()) {
                rows.add(List.of(g.name(), dash(g.tier()), dash(g.instanceType()), scaling(g.scaling()),
                        Integer.toString(g.instanceIds().size()),
                        g.targetHealth().isEmpty() ? "-" : g.servingCount() + "/" + g.targetHealth().size(),
                        versions(g.versions()), refresh(g.refresh())));
            }
            out.append(TablePrinter.render(List.of("GROUP", "TIER", "TYPE", "MIN/DESIRED/MAX", "INSTANCES",
                    "LB HEALTHY", "SNAPSHOTS", "REFRESH"), rows));
        }
        fleet.warnings().forEach(w -> out.append("warning: ").append(w).append('\n'));
        out.append(summary(fleet)).append('\n');
        return out.toString();
    }

    static String summary(FleetSnapshot fleet) {
        if (!fleet.sourceReachable()) {
            return "cannot read " + fleet.source() + ": " + fleet.sourceError();
        }
        Map<Health, Long> counts = fleet.healthCounts();
        String parts = counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "));
        int n = fleet.instances().size();
        return n + (n == 1 ? " instance" : " instances") + (parts.isEmpty() ? "" : ": " + parts);
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    /**
     * The replica group, or what is known instead: a writer or master is in no group ({@code none}); a
     * replica, or a node of unknown role, whose source cannot say (a node whose config names no
     * {@code node.replica_group}) is {@code unknown}.
     */
    static String group(FleetInstance i) {
        if (i.group() != null && !i.group().isEmpty()) {
            return i.group();
        }
        return i.role() == null || i.role() == NodeType.SHARED_REPLICA ? "unknown" : "none";
    }

    private static String version(DataVersion v) {
        return v == null ? "-" : v.id();
    }

    static String age(DataVersion v) {
        if (v == null || v.age() == null) {
            return "-";
        }
        return ageOf(v.age()) + (v.isStale() ? " STALE" : "");
    }

    private static String ageOf(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + "d" + (d.toHoursPart() > 0 ? " " + d.toHoursPart() + "h" : "");
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h" + (d.toMinutesPart() > 0 ? " " + d.toMinutesPart() + "m" : "");
        }
        return d.toMinutes() + "m";
    }

    static String volume(NodeSummary node) {
        if (node == null || node.dataVolume() == null) {
            return "-";
        }
        NodeSummary.VolumeUsage v = node.dataVolume();
        return String.format(Locale.ROOT, "%.0f%% of %.0f GB%s", v.usage() * 100, v.sizeGb(),
                v.simulated() ? " (simulated)" : "");
    }

    static String pool(NodeSummary node) {
        if (node == null || node.pool() == null) {
            return "-";
        }
        NodeSummary.PoolUsage p = node.pool();
        if (p.databases() == 0) { // a pool opens a database on its first query: no max to add up yet
            return p.maxPerDatabase() == null ? "no database open"
                    : "0 of max " + p.maxPerDatabase() + " per database, none open";
        }
        return p.inUse() + " busy, " + p.idle() + " idle, max " + p.max();
    }

    private static String detail(FleetInstance i) {
        List<String> parts = new ArrayList<>();
        if (i.healthDetail() != null) {
            parts.add(i.healthDetail());
        }
        if (i.nodeError() != null) {
            parts.add(i.nodeError());
        }
        if (i.node() != null && i.node().bufferPool() != null && i.node().bufferPool().overBudget()) {
            parts.add("buffer pools over the memory budget");
        }
        if (i.node() != null) {
            long failed = i.node().attachments().stream().filter(a -> a.phase().equals("failed")).count();
            if (failed > 0) {
                parts.add(failed + " attachment" + (failed == 1 ? "" : "s") + " failed");
            }
        }
        return parts.isEmpty() ? "" : String.join("; ", parts);
    }

    private static String scaling(GroupScaling s) {
        return s == null ? "-" : s.min() + "/" + s.desired() + "/" + s.max();
    }

    private static String versions(Map<String, String> versions) {
        return versions.isEmpty() ? "-" : versions.values().stream().distinct().sorted().collect(Collectors.joining(" "));
    }

    private static String refresh(InstanceRefresh r) {
        if (r == null) {
            return "-";
        }
        return r.status() + (r.percentComplete() == null ? "" : " " + r.percentComplete() + "%");
    }
}
