package dev.graphfleet.cli;

import dev.graphfleet.volume.sync.RegistrySync;
import dev.graphfleet.volume.sync.SyncChange;
import dev.graphfleet.volume.sync.SyncPlan;
import java.util.ArrayList;
import java.util.List;

/** A registry sync as a plain-text table: one row per change or skipped volume, then a summary line. */
final class SyncTable {

    private static final String[] HEADERS = {"CHANGE", "VOLUME", "FROM", "TO", "SIZE GB", "RESULT"};

    private SyncTable() {
    }

    /** @param results null for a dry run */
    static String render(SyncPlan plan, List<RegistrySync.Result> results, int registered, int seen) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        int refused = 0;
        for (int i = 0; i < plan.changes().size(); i++) {
            String result = "planned";
            if (results != null) {
                boolean applied = results.get(i).applied();
                result = applied ? "applied" : "refused: locked or removed meanwhile";
                refused += applied ? 0 : 1;
            }
            rows.add(row(plan.changes().get(i), result));
        }
        for (SyncPlan.Skipped s : plan.skipped()) {
            rows.add(row(s.change(), "skipped: locked by " + s.lockOwner() + " until " + s.lockExpiresAt()));
        }
        int[] widths = new int[HEADERS.length];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        });
        StringBuilder out = new StringBuilder();
        out.append("Volume registry sync").append(results == null ? " (dry run: nothing changed)" : "").append('\n');
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                out.append(i == r.length - 1 ? r[i] : String.format("%-" + (widths[i] + 2) + "s", r[i]));
            }
            out.append('\n');
        }
        out.append(String.format("%d registered, %d seen in EC2: %d change(s) %s, %d refused, %d skipped (locked)%n",
                registered, seen, plan.changes().size() - refused, results == null ? "planned" : "applied", refused,
                plan.skipped().size()));
        return out.toString();
    }

    private static String[] row(SyncChange c, String result) {
        if (c instanceof SyncChange.MarkAvailable) {
            return new String[] {"mark-available", c.volumeId(), "-", "-", "-", result};
        }
        if (c instanceof SyncChange.Repoint r) {
            return new String[] {"repoint", c.volumeId(), orDash(r.fromInstance()), r.toInstance(),
                    Long.toString(r.sizeGb()), result};
        }
        if (c instanceof SyncChange.Remove) {
            return new String[] {"remove", c.volumeId(), "-", "-", "-", result};
        }
        SyncChange.Register r = (SyncChange.Register) c;
        return new String[] {"register", c.volumeId(), "-", r.instanceId(), Long.toString(r.sizeGb()), result};
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
