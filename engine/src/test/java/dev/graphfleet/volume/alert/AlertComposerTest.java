package dev.graphfleet.volume.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.volume.ExpansionSize;
import dev.graphfleet.volume.VolumeDecision;
import dev.graphfleet.volume.monitor.DiskReading;
import dev.graphfleet.volume.monitor.InstanceReport;
import dev.graphfleet.volume.monitor.MetricsSource;
import dev.graphfleet.volume.monitor.MonitorReport;
import dev.graphfleet.volume.monitor.Outcome;
import dev.graphfleet.volume.monitor.WatchedInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertComposerTest {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    final AlertComposer composer = new AlertComposer("prod");

    static WatchedInstance writer(String id) {
        return new WatchedInstance(id, "writer", null, "/mnt/lbug-data");
    }

    static DiskReading reading(double usage) {
        return new DiskReading(100, 100 * usage, usage, "/mnt/lbug-data", MetricsSource.NODE);
    }

    static InstanceReport row(String id, VolumeDecision decision, Outcome outcome, String detail, String error) {
        return new InstanceReport(writer(id), MetricsSource.NODE, reading(0.85), null, "vol-" + id, 100, decision,
                outcome, detail, error);
    }

    static InstanceReport expanded(String id) {
        return row(id, new VolumeDecision.Expand(100, 150, new ExpansionSize(150, ExpansionSize.Term.FACTOR, 150,
                false), List.of("usage 85.0 % > 80.0 %")), Outcome.EXPANDED, "requested 100 -> 150 GB; filesystem grown",
                null);
    }

    static InstanceReport failed(String id) {
        return new InstanceReport(writer(id), MetricsSource.NONE, null, null, null, 0, null, Outcome.FAILED, "",
                "no metrics: node: connection refused (" + id + ")");
    }

    static MonitorReport report(List<InstanceReport> rows) {
        return new MonitorReport(T0, Duration.ofSeconds(3), false, false, rows);
    }

    @Test
    void aQuietRunSaysNothing() {
        InstanceReport quiet = row("i-1", new VolumeDecision.NoAction("usage 20.0 % is not above 80.0 %"),
                Outcome.NONE, "usage 20.0 % is not above 80.0 %", null);
        InstanceReport skipped = row("i-2", new VolumeDecision.Skip("cooldown", T0.plusSeconds(60)), Outcome.SKIPPED,
                "skip: cooldown", null);
        assertThat(composer.compose(report(List.of(quiet, skipped)))).isEmpty();
    }

    @Test
    void expansionsAreListedWithVolumeUsageAndWhatWasDone() {
        InstanceReport pending = row("i-2", null, Outcome.EXPANSION_PENDING,
                "requested 200 -> 300 GB; the filesystem grow resumes on the next run", null);

        List<AlertMessage> messages = composer.compose(report(List.of(expanded("i-1"), pending)));

        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(AlertMessage.Kind.EXPANSIONS);
            assertThat(m.subject()).isEqualTo("[prod] Graphfleet volumes: 2 volumes expanded");
            assertThat(m.body()).startsWith("Volume monitor run at 2026-03-01T12:00:00Z, 2 instance(s) checked.")
                    .contains("- i-1 (writer) vol-i-1, usage 85.0 %: requested 100 -> 150 GB; filesystem grown\n")
                    .contains("- i-2 (writer) vol-i-2, usage 85.0 %: requested 200 -> 300 GB; the filesystem grow");
        });
    }

    @Test
    void oneExpansionIsSingular() {
        assertThat(composer.compose(report(List.of(expanded("i-1")))).get(0).subject())
                .isEqualTo("[prod] Graphfleet volumes: 1 volume expanded");
    }

    @Test
    void tenErrorsAreAllListed() {
        List<InstanceReport> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(failed("i-" + i));
        }
        AlertMessage m = composer.compose(report(rows)).get(0);
        assertThat(m.kind()).isEqualTo(AlertMessage.Kind.ERRORS);
        assertThat(m.subject()).isEqualTo("[prod] Graphfleet volumes: 10 errors");
        assertThat(m.body().lines().filter(l -> l.startsWith("- "))).hasSize(10);
        assertThat(m.body()).doesNotContain("more");
    }

    @Test
    void moreThanTenErrorsListTheFirstTenThenACount() {
        List<InstanceReport> rows = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            rows.add(failed("i-" + i));
        }
        AlertMessage m = composer.compose(report(rows)).get(0);
        assertThat(m.subject()).isEqualTo("[prod] Graphfleet volumes: 13 errors");
        assertThat(m.body().lines().filter(l -> l.startsWith("- "))).hasSize(10);
        assertThat(m.body()).contains("- i-0 (writer): no metrics: node: connection refused (i-0)")
                .contains("(i-9)").doesNotContain("(i-10)").endsWith("... and 3 more\n");
    }

    @Test
    void anErrorAfterAPartialActionIsAnErrorAsWellAsWhatItDid() {
        InstanceReport growFailed = row("i-1", null, Outcome.FAILED, "requested 100 -> 150 GB",
                "filesystem grow failed: SSM TimedOut");
        List<AlertMessage> messages = composer.compose(report(List.of(growFailed)));
        assertThat(messages).extracting(AlertMessage::kind).containsExactly(AlertMessage.Kind.ERRORS);
        assertThat(messages.get(0).body()).contains("- i-1 (writer): filesystem grow failed: SSM TimedOut");
    }

    @Test
    void stuckVolumesAreReportedOnTheirOwn() {
        InstanceReport stuck = row("i-1", new VolumeDecision.GrowFilesystem(VolumeDecision.GrowCause.STUCK_OPTIMIZING,
                "modification still optimizing 2 h after it started"), Outcome.FILESYSTEM_GROWN,
                "grow filesystem: modification still optimizing 2 h after it started; filesystem grown", null);
        InstanceReport behind = row("i-2", new VolumeDecision.GrowFilesystem(VolumeDecision.GrowCause.FILESYSTEM_BEHIND,
                "volume 150 GB exceeds the filesystem"), Outcome.FILESYSTEM_GROWN, "grown", null);

        List<AlertMessage> messages = composer.compose(report(List.of(stuck, behind)));

        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(AlertMessage.Kind.STUCK_VOLUMES);
            assertThat(m.subject()).isEqualTo("[prod] Graphfleet volumes: 1 volume stuck optimizing");
            assertThat(m.body()).contains("i-1 (writer) vol-i-1").contains("still optimizing 2 h")
                    .doesNotContain("i-2");
        });
    }

    @Test
    void alertsNameTheirKindAndMessage() {
        InstanceReport atMax = row("i-1", new VolumeDecision.Alert(VolumeDecision.AlertKind.AT_MAX_SIZE,
                "usage 95.0 % is above 80.0 % and the volume is already at the maximum 16384 GB"), Outcome.ALERT,
                "ALERT ...", null);
        InstanceReport fills = row("i-2", new VolumeDecision.Alert(VolumeDecision.AlertKind.FILLS_BEFORE_COOLDOWN_ENDS,
                "at 2.00 GB/h the volume fills in 3 h"), Outcome.ALERT, "ALERT ...", null);

        AlertMessage m = composer.compose(report(List.of(atMax, fills))).get(0);

        assertThat(m.kind()).isEqualTo(AlertMessage.Kind.ALERTS);
        assertThat(m.subject()).isEqualTo("[prod] Graphfleet volumes: 2 volumes need attention");
        assertThat(m.body())
                .contains("- i-1 (writer) vol-i-1: at max size: usage 95.0 % is above 80.0 % and the volume is")
                .contains("- i-2 (writer) vol-i-2: fills before cooldown ends: at 2.00 GB/h the volume fills in 3 h");
    }

    @Test
    void everyKindComesInAFixedOrder() {
        InstanceReport alert = row("i-a", new VolumeDecision.Alert(VolumeDecision.AlertKind.UNKNOWN_VOLUME, "x"),
                Outcome.ALERT, "", null);
        InstanceReport stuck = row("i-s", new VolumeDecision.GrowFilesystem(VolumeDecision.GrowCause.STUCK_OPTIMIZING,
                "stuck"), Outcome.FILESYSTEM_GROWN, "", null);
        List<AlertMessage> messages = composer.compose(report(List.of(alert, stuck, failed("i-f"), expanded("i-e"))));
        assertThat(messages).extracting(AlertMessage::kind).containsExactly(AlertMessage.Kind.EXPANSIONS,
                AlertMessage.Kind.ERRORS, AlertMessage.Kind.STUCK_VOLUMES, AlertMessage.Kind.ALERTS);
    }

    @Test
    void alarmAndDryRunRunsSayWhatTheyWere() {
        MonitorReport alarm = new MonitorReport(T0, Duration.ZERO, true, true, List.of(failed("i-1")));
        assertThat(composer.compose(alarm).get(0).body()).startsWith(
                "Volume monitor run at 2026-03-01T12:00:00Z (alarm) (dry run), 1 instance(s) checked.");
    }

    @Test
    void subjectsStayWithinTheSnsLimitAndAscii() {
        AlertComposer longName = new AlertComposer("prod-" + "x".repeat(120) + "-é");
        AlertMessage m = longName.compose(report(List.of(failed("i-1")))).get(0);
        assertThat(m.subject()).hasSize(AlertMessage.MAX_SUBJECT).endsWith("...").matches("[\\x20-\\x7e]+");
        AlertMessage accented = new AlertComposer("prød").compose(report(List.of(failed("i-1")))).get(0);
        assertThat(accented.subject()).startsWith("[pr?d]");
        assertThat(new AlertComposer(" ").compose(report(List.of(failed("i-1")))).get(0).subject())
                .startsWith("[graphfleet]");
    }

    @Test
    void aMessageRefusesASubjectSnsWouldRefuse() {
        assertThatThrownBy(() -> new AlertMessage(AlertMessage.Kind.ERRORS, "two\nlines", "b"))
                .hasMessageContaining("one line of at most 100 printable ASCII");
        assertThatThrownBy(() -> new AlertMessage(AlertMessage.Kind.ERRORS, "x".repeat(101), "b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stuckFixedListsFixedAndFailed() {
        assertThat(composer.composeStuckFixed(List.of(), List.of())).isEmpty();
        AlertMessage m = composer.composeStuckFixed(List.of("vol-1 on i-1 (optimizing 2 h, 40 %)"),
                List.of("vol-2: no instance attached")).get(0);
        assertThat(m.kind()).isEqualTo(AlertMessage.Kind.STUCK_FIXED);
        assertThat(m.subject()).isEqualTo("[prod] Graphfleet volumes: stuck volumes fixed: 1, 1 failed");
        assertThat(m.body()).isEqualTo("- fixed: vol-1 on i-1 (optimizing 2 h, 40 %)\n"
                + "- failed: vol-2: no instance attached\n");
    }

    @Test
    void metricsCountWhatTheRunDid() {
        InstanceReport fallback = new InstanceReport(writer("i-c"), MetricsSource.CLOUDWATCH, reading(0.2),
                "node: timeout", "vol-c", 100, new VolumeDecision.NoAction("fine"), Outcome.NONE, "", null);
        InstanceReport pending = row("i-2", null, Outcome.EXPANSION_PENDING, "", null);
        RunMetrics m = RunMetrics.of(report(List.of(expanded("i-1"), pending, failed("i-f"), fallback)));
        assertThat(m).isEqualTo(new RunMetrics(4, 2, 1, 1));
        assertThat(m.byName()).containsExactly(
                java.util.Map.entry("VolumeMonitorExecutions", 1.0), java.util.Map.entry("InstancesMonitored", 4.0),
                java.util.Map.entry("VolumesExpanded", 2.0), java.util.Map.entry("VolumeMonitorErrors", 1.0),
                java.util.Map.entry("CloudWatchFallbacks", 1.0));
    }
}
