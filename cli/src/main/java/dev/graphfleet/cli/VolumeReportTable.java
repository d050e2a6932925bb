package dev.graphfleet.cli;

import dev.graphfleet.volume.monitor.InstanceReport;
import dev.graphfleet.volume.monitor.MonitorReport;
import dev.graphfleet.volume.monitor.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The volume report as a plain-text table: one row per instance, then a summary line. */
final class VolumeReportTable {

    private static final String[] HEADERS = {"INSTANCE", "ROLE", "SOURCE", "USAGE", "FS GB", "VOLUME", "SIZE GB",
            "DECISION", "OUTCOME", "DETAIL"};

    private VolumeReportTable() {
    }

    static String render(MonitorReport report, String source) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (InstanceReport r : report.instances()) {
            rows.add(new String[] {
                    r.instance().instanceId(),
                    r.instance().role(),
                    r.source().name().toLowerCase(Locale.ROOT),
                    r.reading() == null ? "-" : String.format(Locale.ROOT, "%.1f %%", r.reading().usage() * 100),
                    r.reading() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.reading().sizeGb()),
                    r.volumeId() == null ? "-" : r.volumeId(),
                    r.volumeSizeGb() == 0 ? "-" : Long.toString(r.volumeSizeGb()),
                    r.decision() == null ? "-" : r.decision().kind(),
                    r.outcome().name(),
                    r.error() != null ? "ERROR: " + r.error() : r.detail()});
        }
        int[] widths = new int[HEADERS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length - 1; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("Volume check of ").append(source).append(report.alarm() ? " (alarm threshold)" : "")
                .append(report.dryRun() ? " (dry run: nothing changed)" : "").append('\n');
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                out.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
            }
            out.append('\n');
        }
        out.append(summary(report)).append('\n');
        return out.toString();
    }

    static String summary(MonitorReport report) {
        return String.format(Locale.ROOT,
                "%d instance(s) in %.1f s: %d expanded, %d pending, %d filesystem(s) grown, %d planned, %d alert(s), "
                        + "%d failed, %d not checked; %d CloudWatch fallback(s)",
                report.instances().size(), report.took().toMillis() / 1000.0,
                report.count(Outcome.EXPANDED), report.count(Outcome.EXPANSION_PENDING),
                // an EXPANDED row grew its filesystem too ("...; filesystem grown"): counted as its row says
                report.count(Outcome.EXPANDED) + report.count(Outcome.FILESYSTEM_GROWN),
                report.count(Outcome.PLANNED), report.count(Outcome.ALERT),
                report.count(Outcome.FAILED), report.count(Outcome.NOT_CHECKED), report.fallbacks());
    }

    private static String pad(String s, int width) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width) {
            b.append(' ');
        }
        return b.toString();
    }
}
