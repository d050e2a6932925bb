package dev.graphfleet.volume.alert;

import dev.graphfleet.volume.VolumeDecision;
import dev.graphfleet.volume.monitor.InstanceReport;
import dev.graphfleet.volume.monitor.MonitorReport;
import dev.graphfleet.volume.monitor.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds the notifications the original monitor sent after a run: expansions done, errors (the first
 * {@link #MAX_LISTED_ERRORS}, then "... and N more"), volumes stuck optimizing, and alerts a human must act on.
 * Pure: the same report always gives the same messages; a run with nothing to tell gives none.
 */
public final class AlertComposer {

    /** The original listed this many errors, then a count of the rest. */
    public static final int MAX_LISTED_ERRORS = 10;

    private final String environment;

    /** {@code environment} names the fleet in every subject ("prod", "staging"). */
    public AlertComposer(String environment) {
        Objects.requireNonNull(environment, "environment");
        this.environment = environment.isBlank() ? "graphfleet" : environment.strip();
    }

    /** The messages for one run, in the order expansions, errors, stuck volumes, alerts. */
    public List<AlertMessage> compose(MonitorReport report) {
        List<AlertMessage> messages = new ArrayList<>();
        List<InstanceReport> expanded = report.instances().stream()
                .filter(r -> r.outcome() == Outcome.EXPANDED || r.outcome() == Outcome.EXPANSION_PENDING).toList();
        if (!expanded.isEmpty()) {
            messages.add(message(AlertMessage.Kind.EXPANSIONS, count(expanded.size(), "volume") + " expanded",
                    header(report) + lines(expanded)));
        }
        List<InstanceReport> errors = report.failures();
        if (!errors.isEmpty()) {
            StringBuilder body = new StringBuilder(header(report));
            errors.stream().limit(MAX_LISTED_ERRORS).forEach(r -> body.append("- ").append(r.instance().instanceId())
                    .append(" (").append(r.instance().role()).append("): ").append(r.error()).append('\n'));
            if (errors.size() > MAX_LISTED_ERRORS) {
                body.append("... and ").append(errors.size() - MAX_LISTED_ERRORS).append(" more\n");
            }
            messages.add(message(AlertMessage.Kind.ERRORS, count(errors.size(), "error"), body.toString()));
        }
        List<InstanceReport> stuck = report.instances().stream().filter(AlertComposer::stuck).toList();
        if (!stuck.isEmpty()) {
            messages.add(message(AlertMessage.Kind.STUCK_VOLUMES, count(stuck.size(), "volume")
                    + " stuck optimizing", header(report) + lines(stuck)
                    + "\nThe filesystem was grown into the space EBS already gives; look at the modification.\n"));
        }
        List<InstanceReport> alerts = report.instances().stream().filter(r -> r.outcome() == Outcome.ALERT).toList();
        if (!alerts.isEmpty()) {
            StringBuilder body = new StringBuilder(header(report));
            for (InstanceReport r : alerts) {
                body.append("- ").append(r.instance().instanceId()).append(" (").append(r.instance().role())
                        .append(')').append(volume(r)).append(": ").append(alertText(r)).append('\n');
            }
            messages.add(message(AlertMessage.Kind.ALERTS, count(alerts.size(), "volume") + " need attention",
                    body.toString()));
        }
        return messages;
    }

    /**
     * The report of a fix-stuck run: each {@code fixed} line names a volume whose filesystem was grown,
     * each {@code failed} line one that could not be. Empty when there was nothing stuck.
     */
    public List<AlertMessage> composeStuckFixed(List<String> fixed, List<String> failed) {
        if (fixed.isEmpty() && failed.isEmpty()) {
            return List.of();
        }
        StringBuilder body = new StringBuilder();
        fixed.forEach(line -> body.append("- fixed: ").append(line).append('\n'));
        failed.forEach(line -> body.append("- failed: ").append(line).append('\n'));
        String subject = "stuck volumes fixed: " + fixed.size() + (failed.isEmpty() ? "" : ", " + failed.size()
                + " failed");
        return List.of(message(AlertMessage.Kind.STUCK_FIXED, subject, body.toString()));
    }

    private static boolean stuck(InstanceReport r) {
        return r.decision() instanceof VolumeDecision.GrowFilesystem g
                && g.cause() == VolumeDecision.GrowCause.STUCK_OPTIMIZING;
    }

    private static String alertText(InstanceReport r) {
        if (r.decision() instanceof VolumeDecision.Alert a) {
            return a.alertKind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + a.message();
        }
        return r.detail();
    }

    private static String lines(List<InstanceReport> rows) {
        StringBuilder out = new StringBuilder();
        for (InstanceReport r : rows) {
            out.append("- ").append(r.instance().instanceId()).append(" (").append(r.instance().role()).append(')')
                    .append(volume(r));
            if (r.reading() != null) {
                out.append(String.format(Locale.ROOT, ", usage %.1f %%", r.reading().usage() * 100));
            }
            out.append(": ").append(r.detail().isEmpty() && r.decision() != null ? r.decision().summary() : r.detail())
                    .append('\n');
        }
        return out.toString();
    }

    private static String volume(InstanceReport r) {
        return r.volumeId() == null ? "" : " " + r.volumeId();
    }

    private String header(MonitorReport report) {
        return "Volume monitor run at " + report.startedAt() + (report.alarm() ? " (alarm)" : "")
                + (report.dryRun() ? " (dry run)" : "") + ", " + report.instances().size() + " instance(s) checked.\n\n";
    }

    private AlertMessage message(AlertMessage.Kind kind, String what, String body) {
        String subject = ascii("[" + environment + "] Graphfleet volumes: " + what);
        if (subject.length() > AlertMessage.MAX_SUBJECT) {
            subject = subject.substring(0, AlertMessage.MAX_SUBJECT - 3) + "...";
        }
        return new AlertMessage(kind, subject, body);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** SNS subjects must be printable ASCII on one line. */
    private static String ascii(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.chars().forEach(c -> out.append(c >= 0x20 && c <= 0x7e ? (char) c : '?'));
        return out.toString();
    }
}
