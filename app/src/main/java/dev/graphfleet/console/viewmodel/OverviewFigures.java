package dev.graphfleet.console.viewmodel;

import dev.graphfleet.console.service.MemoryCheck;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.NodeSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw figures one overview row shows, as one comparable value: built for every node on every
 * refresh (cheap: no text), compared with what the row shows, and formatted only when they differ.
 * {@code NaN} (or -1 for counts) where the node gave no figure; {@code why} says why.
 */
record OverviewFigures(Health healthState, String healthDetail, String nodeError, String roleLabel,
                       List<NodeSummary.Attachment> attachments, String dataVersion, boolean hasSummary,
                       long poolBytes, long budgetBytes, boolean overBudget, boolean hasMemory,
                       double volumeUsedGb, double volumeSizeGb, double volumeUsage, boolean hasVolume,
                       int inUse, int maxConnections, long timeouts, boolean hasPool, List<String> stale,
                       String forecast, boolean fillsSoon, double alarm, double expansion, long revision) {

    static final double BUSY_POOL = 0.9;

    static OverviewFigures of(FleetInstance i, MemoryCheck.MemoryVerdict verdict, FillForecast forecast,
                              double alarm, double expansion, long revision) {
        NodeSummary node = i.node();
        NodeSummary.BufferPool memory = node == null ? null : node.bufferPool();
        NodeSummary.VolumeUsage volume = node == null ? null : node.dataVolume();
        NodeSummary.PoolUsage pool = node == null ? null : node.pool();
        boolean over = verdict != null ? verdict.overBudget() : memory != null && memory.overBudget();
        return new OverviewFigures(i.health(), i.healthDetail(), i.nodeError(), InstanceRow.roleLabel(i),
                node == null ? List.of() : node.attachments(), i.dataVersion() == null ? null : i.dataVersion().id(),
                node != null,
                memory == null ? -1 : memory.configuredTotalBytes(), memory == null ? -1 : memory.memoryBudgetBytes(),
                over, memory != null,
                volume == null ? Double.NaN : volume.usedGb(), volume == null ? Double.NaN : volume.sizeGb(),
                volume == null ? Double.NaN : volume.usage(), volume != null,
                pool == null ? -1 : pool.inUse(), pool == null ? -1 : pool.max(), pool == null ? 0 : pool.timeouts(),
                pool != null, node == null ? List.of() : node.staleSections(),
                forecast == null ? null : forecast.text(),
                forecast != null && forecast.untilFull().map(d -> d.toHours() < 24).orElse(false),
                alarm, expansion, revision);
    }

    /** 4 down, 3 not ready or health unknown, 2 something wrong, 1 worth a look, 0 fine: the sort key. */
    int rank() {
        if (healthState == Health.UNREACHABLE) {
            return 4;
        }
        if (healthState != Health.HEALTHY) {
            return 3;
        }
        if (wrong() > 0) {
            return 2;
        }
        return worthALook() > 0 ? 1 : 0;
    }

    /** How many things are wrong: the second sort key. */
    int wrong() {
        int n = 0;
        n += overBudget ? 1 : 0;
        n += hasVolume && volumeUsage > expansion ? 1 : 0;
        n += timeouts > 0 ? 1 : 0;
        n += nodeError != null || !hasSummary ? 1 : 0;
        for (NodeSummary.Attachment a : attachments) {
            n += "failed".equals(a.phase()) ? 1 : 0;
        }
        return n;
    }

    private int worthALook() {
        int n = 0;
        n += hasVolume && volumeUsage > alarm && volumeUsage <= expansion ? 1 : 0;
        n += fillsSoon ? 1 : 0;
        n += hasPool && maxConnections > 0 && inUse >= BUSY_POOL * maxConnections ? 1 : 0;
        n += hasSummary && (!hasMemory || !hasVolume || !hasPool) ? 1 : 0;
        n += stale.isEmpty() ? 0 : 1;
        return n;
    }

    String health() {
        return healthState.label();
    }

    String role() {
        return roleLabel;
    }

    String versions() {
        if (!hasSummary) {
            return "unknown: " + why();
        }
        if (attachments.isEmpty()) {
            return dataVersion == null ? "no shared repositories" : "data " + dataVersion;
        }
        StringBuilder out = new StringBuilder();
        for (NodeSummary.Attachment a : attachments) {
            if (out.length() > 0) {
                out.append(" · ");
            }
            out.append(a.repository()).append(' ');
            out.append(a.version() != null ? a.version() : "attached".equals(a.phase()) ? "(no version reported)"
                    : a.phase());
        }
        return out.toString();
    }

    Gauge memoryGauge() {
        if (!hasMemory) {
            return missing("memory");
        }
        double fraction = budgetBytes > 0 ? (double) poolBytes / budgetBytes : 1;
        return new Gauge(fraction, overBudget ? "exhausted" : "ok", // pools sized to the budget are the norm, not a warning
                Units.bytes(poolBytes) + " / " + Units.bytes(budgetBytes));
    }

    Gauge volumeGauge() {
        if (!hasVolume) {
            return missing("volume");
        }
        String level = volumeUsage > expansion ? "expand" : volumeUsage > alarm ? "alarm" : "ok";
        return new Gauge(volumeUsage, level, Units.percent(volumeUsage) + " of " + Units.gigabytes(volumeSizeGb)
                + " · " + shortForecast());
    }

    Gauge poolGauge() {
        if (!hasPool) {
            return missing("pool");
        }
        double fraction = maxConnections > 0 ? (double) inUse / maxConnections : 0;
        return new Gauge(fraction, timeouts > 0 ? "exhausted" : fraction >= BUSY_POOL ? "busy" : "ok",
                inUse + " / " + maxConnections + " in use");
    }

    /** The forecast in a bar's few words: "fills in ~5 h" without its rate, "no forecast yet" while collecting. */
    private String shortForecast() {
        if (forecast == null || forecast.startsWith("collecting history")) {
            return "no forecast yet";
        }
        int rate = forecast.indexOf(" (");
        return rate > 0 ? forecast.substring(0, rate) : forecast;
    }

    private Gauge missing(String section) {
        return new Gauge(0, "unknown", "no figures: " + (hasSummary ? "the node sent no " + section + " figures" : why()));
    }

    /** Why the node gave no figures at all. */
    private String why() {
        if (healthState == Health.UNREACHABLE) {
            return "unreachable";
        }
        return nodeError != null ? nodeError : "no metrics";
    }

    /** What is wrong, worst first, in a few words each; "none" when nothing is. */
    String problems() {
        List<String> out = new ArrayList<>();
        if (healthState != Health.HEALTHY) {
            out.add(healthState.label() + (healthDetail == null || healthDetail.isBlank() ? "" : ": " + healthDetail));
        }
        if (nodeError != null && healthState != Health.UNREACHABLE) {
            out.add("metrics: " + nodeError);
        } else if (!hasSummary && healthState == Health.HEALTHY) {
            out.add("no metrics from this node");
        }
        if (overBudget) {
            out.add("over memory budget");
        }
        if (hasVolume && volumeUsage > expansion) {
            out.add("volume over " + Units.percent(expansion));
        } else if (hasVolume && volumeUsage > alarm) {
            out.add("volume over " + Units.percent(alarm));
        }
        if (fillsSoon) {
            out.add("volume " + forecast);
        }
        for (NodeSummary.Attachment a : attachments) {
            if ("failed".equals(a.phase())) {
                out.add(a.repository() + " failed" + (a.error() == null ? "" : ": " + a.error()));
            }
        }
        if (timeouts > 0) {
            out.add(Units.count(timeouts, "pool timeout", "pool timeouts"));
        } else if (hasPool && maxConnections > 0 && inUse >= BUSY_POOL * maxConnections) {
            out.add("pool nearly full");
        }
        if (hasSummary) {
            List<String> missing = new ArrayList<>();
            if (!hasMemory) {
                missing.add("memory");
            }
            if (!hasVolume) {
                missing.add("volume");
            }
            if (!hasPool) {
                missing.add("pool");
            }
            if (!missing.isEmpty()) {
                out.add("no " + String.join(", ", missing) + " figures");
            }
        }
        if (!stale.isEmpty()) {
            out.add("stale: " + String.join(", ", stale));
        }
        return out.isEmpty() ? "none" : String.join(" · ", out);
    }

    String problemLevel() {
        return switch (rank()) {
            case 4, 2 -> "exhausted";
            case 3 -> healthState == Health.UNKNOWN ? "unknown" : "exhausted";
            case 1 -> "alarm";
            default -> "ok";
        };
    }
}
