package dev.graphfleet.bench.results;

import java.util.List;
import java.util.Map;

/**
 * One benchmark's results: what it did (settings), the tables of figures, each goal against its
 * baseline, the scaling curves, and (filled in by the harness) the JFR hotspots when a goal was missed.
 */
public record Section(String name, String title, String workload, Map<String, String> settings, List<Table> tables,
                      List<Goal> goals, List<Curve> curves, List<String> notes, List<Hotspot> hotspots,
                      double seconds, String measuredAt, boolean quick) {

    public Section {
        settings = Map.copyOf(settings);
        tables = List.copyOf(tables);
        goals = List.copyOf(goals);
        curves = List.copyOf(curves);
        notes = List.copyOf(notes);
        hotspots = hotspots == null ? List.of() : List.copyOf(hotspots);
    }

    public boolean allMet() {
        return goals.stream().allMatch(Goal::met);
    }

    /** The harness's record of the run: hotspots, duration, date, mode, and the machine's load around it. */
    public Section withRun(List<Hotspot> found, double took, String at, boolean quickRun, String load) {
        Map<String, String> withLoad = new java.util.TreeMap<>(settings);
        withLoad.put("load average (1 min) before → after", load);
        return new Section(name, title, workload, withLoad, tables, goals, curves, notes, found, took, at, quickRun);
    }
}
