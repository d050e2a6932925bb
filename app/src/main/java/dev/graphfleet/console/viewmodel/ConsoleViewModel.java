package dev.graphfleet.console.viewmodel;

import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.MemoryCheck;
import dev.graphfleet.console.service.RefreshStatus;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.NodeSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The whole console: the source, the last refresh, the unreachable-source banner, the theme, and
 * one view-model per view. Each refresh is prepared off the FX thread ({@link #prepare}, the poller's
 * thread) and applied on it ({@link #apply(Refresh)}).
 */
public final class ConsoleViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final FleetViewModel fleet = new FleetViewModel();
    private final MemoryViewModel memory = new MemoryViewModel();
    private final ConnectionsViewModel connections = new ConnectionsViewModel();
    private final VolumesViewModel volumes = new VolumesViewModel();
    private final AttachmentsViewModel attachments = new AttachmentsViewModel();
    private final OverviewViewModel overview = new OverviewViewModel(volumes);
    private final ExportViewModel exports = new ExportViewModel();

    private final StringProperty source = new SimpleStringProperty(this, "source", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "Waiting for the first refresh…");
    private final StringProperty problems = new SimpleStringProperty(this, "problems", "");
    private final BooleanProperty sourceUnreachable = new SimpleBooleanProperty(this, "sourceUnreachable");
    private final StringProperty banner = new SimpleStringProperty(this, "banner", "");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");
    private final ObjectProperty<ConsoleSection> section =
            new SimpleObjectProperty<>(this, "section", ConsoleSection.OVERVIEW);
    private final ZoneId zone;
    private Runnable refreshAction = () -> { };

    public ConsoleViewModel(String sourceName, ZoneId zone) {
        source.set(sourceName);
        this.zone = Objects.requireNonNull(zone, "zone");
        activate(section.get());
        section.addListener((obs, was, now) -> activate(now));
    }

    /** Only the view on screen diffs each refresh; the others catch up when shown. */
    private void activate(ConsoleSection onScreen) {
        overview.setActive(onScreen == ConsoleSection.OVERVIEW);
        fleet.setActive(onScreen == ConsoleSection.FLEET);
        memory.setActive(onScreen == ConsoleSection.BUFFER_POOLS);
        connections.setActive(onScreen == ConsoleSection.CONNECTIONS);
        volumes.setActive(onScreen == ConsoleSection.VOLUMES);
        attachments.setActive(onScreen == ConsoleSection.ATTACHMENTS);
    }

    /**
     * One refresh as every view will show it, prepared off the FX thread (the poller's thread): every
     * row's texts, each list's order, the headlines. Calls must not overlap.
     */
    public synchronized Refresh prepare(ConsoleState state) {
        return new Refresh(state, problems(state), fleet.prepareRefresh(state), memory.prepareRefresh(state),
                connections.prepareRefresh(state), volumes.prepareRefresh(state), attachments.prepareRefresh(state),
                overview.prepareRefresh(state)); // after volumes: its forecasts read the volume history
    }

    /** Both steps at once on the FX thread: for tests and callers without a thread of their own. */
    public void apply(ConsoleState state) {
        apply(prepare(state));
    }

    /** Takes one prepared refresh (FX thread): every view that is not paused copies what changed. */
    public void apply(Refresh refresh) {
        ConsoleState state = refresh.state();
        FleetSnapshot snapshot = state.fleet();
        RefreshStatus timing = state.refresh();
        RowSync.set(source, "local".equals(snapshot.environment()) ? "local fleet, " + snapshot.source()
                : snapshot.source());
        RowSync.set(status, "Refreshed " + TIME.format(timing.finishedAt().atZone(zone)) + " in "
                + Units.millis(timing.took()) + " · next in " + Units.millis(timing.nextIn()));
        RowSync.set(problems, refresh.problems());
        RowSync.set(sourceUnreachable, !snapshot.sourceReachable());
        RowSync.set(banner, snapshot.sourceReachable() ? "" : banner(snapshot, timing));
        fleet.apply(refresh.fleet());
        memory.apply(refresh.memory());
        connections.apply(refresh.connections());
        volumes.apply(refresh.volumes());
        attachments.apply(refresh.attachments());
        overview.apply(refresh.overview());
    }

    /** One refresh prepared for every view: immutable, made off the FX thread. */
    public record Refresh(ConsoleState state, String problems, FleetViewModel.Frame fleet,
                          MemoryViewModel.Frame memory, ConnectionsViewModel.Frame connections,
                          VolumesViewModel.Frame volumes, AttachmentsViewModel.Frame attachments,
                          OverviewViewModel.Frame overview) {
    }

    private static String banner(FleetSnapshot snapshot, RefreshStatus refresh) {
        String why = snapshot.sourceError() == null ? "it did not answer" : snapshot.sourceError();
        return "Cannot read " + snapshot.source() + ": " + why + ". "
                + Units.count(refresh.consecutiveFailures(), "failed read", "failed reads") + " in a row; "
                + "retrying in " + Units.millis(refresh.nextIn()) + " (the wait doubles after each failure).";
    }

    /** The problems of every view in a few words, so the status bar tells what the other tabs would. */
    private String problems(ConsoleState state) {
        FleetSnapshot snapshot = state.fleet();
        List<String> parts = new ArrayList<>();
        if (!snapshot.sourceReachable()) {
            parts.add("source unreachable");
        }
        long down = snapshot.healthCounts().get(Health.UNREACHABLE);
        if (snapshot.sourceReachable() && down > 0) {
            parts.add(Units.count(down, "instance", "instances") + " unreachable");
        }
        // one pass over the instances, on the poller's thread (prepare)
        double expandAt = volumes.expansionThreshold();
        long metricsErrors = 0;
        long fullVolumes = 0;
        long poolTimeouts = 0;
        long failedAttachments = 0;
        for (FleetInstance i : snapshot.instances()) {
            if (i.nodeError() != null && i.health() != Health.UNREACHABLE) {
                metricsErrors++;
            }
            NodeSummary node = i.node();
            if (node == null) {
                continue;
            }
            if (node.dataVolume() != null && node.dataVolume().usage() > expandAt) {
                fullVolumes++;
            }
            if (node.pool() != null && node.pool().timeouts() > 0) {
                poolTimeouts++;
            }
            for (NodeSummary.Attachment a : node.attachments()) {
                if ("failed".equals(a.phase())) {
                    failedAttachments++;
                }
            }
        }
        if (metricsErrors > 0) {
            parts.add(Units.count(metricsErrors, "node", "nodes") + " without metrics");
        }
        long overBudget = state.memory().values().stream().filter(MemoryCheck.MemoryVerdict::overBudget).count();
        if (overBudget > 0) {
            parts.add(Units.count(overBudget, "node", "nodes") + " over memory budget");
        }
        if (fullVolumes > 0) {
            parts.add(Units.count(fullVolumes, "volume", "volumes") + " over " + Units.percent(expandAt));
        }
        if (poolTimeouts > 0) {
            parts.add(Units.count(poolTimeouts, "node", "nodes") + " with pool timeouts");
        }
        if (failedAttachments > 0) {
            parts.add(Units.count(failedAttachments, "attachment", "attachments") + " failed");
        }
        if (!snapshot.warnings().isEmpty()) {
            parts.add(Units.count(snapshot.warnings().size(), "warning", "warnings") + ": "
                    + String.join("; ", snapshot.warnings()));
        }
        return String.join(" · ", parts);
    }

    /** Set by the app: what the refresh button does. */
    public void setRefreshAction(Runnable action) {
        refreshAction = Objects.requireNonNull(action, "action");
    }

    /** Asks for a refresh now (the answer arrives through {@link #apply}). */
    public void refreshNow() {
        refreshAction.run();
    }

    /** Is anything wrong: every node at a glance, worst first. */
    public OverviewViewModel overview() {
        return overview;
    }

    public FleetViewModel fleet() {
        return fleet;
    }

    public MemoryViewModel memory() {
        return memory;
    }

    public ConnectionsViewModel connections() {
        return connections;
    }

    public VolumesViewModel volumes() {
        return volumes;
    }

    public AttachmentsViewModel attachments() {
        return attachments;
    }

    /** Tables as CSV, views as PNG. */
    public ExportViewModel exports() {
        return exports;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    /** When the last refresh ended, how long it took, when the next comes. */
    public StringProperty statusProperty() {
        return status;
    }

    /** What is wrong right now, in a few words; empty when nothing is. */
    public StringProperty problemsProperty() {
        return problems;
    }

    public BooleanProperty sourceUnreachableProperty() {
        return sourceUnreachable;
    }

    /** Why the source cannot be read and when the next try comes; empty while it can be read. */
    public StringProperty bannerProperty() {
        return banner;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** The view on screen. */
    public ObjectProperty<ConsoleSection> sectionProperty() {
        return section;
    }
}
