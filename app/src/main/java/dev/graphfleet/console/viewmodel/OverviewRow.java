package dev.graphfleet.console.viewmodel;

import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * One node at a glance: its health, the version of every repository it serves, memory against its
 * budget, volume usage with its forecast, connections in use, and what is wrong with it. Shows texts
 * prepared off the FX thread ({@link RowValues}): a refresh costs a row no cell shows one assignment,
 * and fires only the changed columns of the rows on screen.
 */
public final class OverviewRow {

    private final String id;
    private final RowValues<Texts> texts = new RowValues<>(this);

    OverviewRow(String id) {
        this.id = id;
    }

    /**
     * Everything the row shows, formatted off the FX thread ({@link OverviewViewModel#prepare}): the same
     * instance again when nothing changed, so the FX thread skips the row after one comparison.
     */
    record Texts(String health, String role, String versions, Trend memory, Trend volume, Trend connections,
                 String problems, String problemLevel) {

        /**
         * The texts of {@code f}; {@code was} is what was prepared for the node last time (null for none) and
         * {@code newReadings} whether its history got a reading since, for the sparklines.
         */
        static Texts of(String id, OverviewFigures f, Texts was, boolean newReadings, NodeHistory history) {
            return new Texts(f.health(), f.role(), f.versions(),
                    trend(id, was == null ? null : was.memory(), f.memoryGauge(), newReadings, history,
                            NodeHistory.Metric.MEMORY),
                    trend(id, was == null ? null : was.volume(), f.volumeGauge(), newReadings, history,
                            NodeHistory.Metric.VOLUME),
                    trend(id, was == null ? null : was.connections(), f.poolGauge(), newReadings, history,
                            NodeHistory.Metric.CONNECTIONS),
                    f.problems(), f.problemLevel());
        }

        /** The same trend object while neither the gauge nor the history changed: the cell is not redrawn. */
        private static Trend trend(String id, Trend was, Gauge gauge, boolean newReadings, NodeHistory history,
                                   NodeHistory.Metric metric) {
            if (was != null && !newReadings && was.gauge().equals(gauge)) {
                return was;
            }
            float[] recent = was != null && !newReadings ? was.recent()
                    : history.recentFractions(id, metric, OverviewViewModel.SPARKLINE_POINTS);
            return new Trend(gauge, recent);
        }
    }

    /** On the FX thread: the texts shown already cost nothing; new ones fire the changed columns cells show. */
    void show(Texts t) {
        texts.show(t);
    }

    public String id() {
        return id;
    }

    /** healthy, unhealthy, unreachable or unknown. */
    public ReadOnlyObjectProperty<String> healthProperty() {
        return texts.column("health", Texts::health);
    }

    public ReadOnlyObjectProperty<String> roleProperty() {
        return texts.column("role", Texts::role);
    }

    /** Every repository with the version it serves ("sec v2 · industry v1"), or why none is known. */
    public ReadOnlyObjectProperty<String> versionsProperty() {
        return texts.column("versions", Texts::versions);
    }

    /** Buffer pools against the memory budget. */
    public ReadOnlyObjectProperty<Trend> memoryProperty() {
        return texts.column("memory", Texts::memory);
    }

    /** The data volume's usage, with its fill forecast on the bar. */
    public ReadOnlyObjectProperty<Trend> volumeProperty() {
        return texts.column("volume", Texts::volume);
    }

    /** Connections in use against the pool's maximum. */
    public ReadOnlyObjectProperty<Trend> connectionsProperty() {
        return texts.column("connections", Texts::connections);
    }

    /** What is wrong with the node, worst first; "none" when nothing is. */
    public ReadOnlyObjectProperty<String> problemsProperty() {
        return texts.column("problems", Texts::problems);
    }

    /** ok, alarm (worth a look), exhausted (wrong) or unknown (no figures). */
    public ReadOnlyObjectProperty<String> problemLevelProperty() {
        return texts.column("problemLevel", Texts::problemLevel);
    }
}
