package dev.graphfleet.console.viewmodel;

import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.NodeDetail;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.NodeSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Connections: per node and database, in use / idle / max, and the node's waits and timeouts. With
 * only the fleet model's summary (node details not read), one row per node sums its databases. A
 * node that stops answering keeps the rows of the databases it last reported, each saying why it
 * has no figures: the rows do not jump, and the table is not rebuilt each time a node blinks.
 */
public final class ConnectionsViewModel extends LiveViewModel {

    static final String ALL_DATABASES = "(all databases)";

    private final ObservableList<ConnectionRow> rows = FXCollections.observableArrayList();
    private final ListFilter<ConnectionRow> filter = new ListFilter<>(rows,
            java.util.Set.of("node", "database", "level"),
            r -> ListFilter.fields("node", r.nodeProperty().get(), "database", r.databaseProperty().get(),
                    "level", r.levelProperty().get()));
    /** The databases each node reported last (in name order), kept while it does not answer. */
    private Map<String, List<String>> databasesSeen = new HashMap<>();

    @Override
    protected void update(ConsoleState state) {
        List<Item> items = new ArrayList<>();
        Map<String, List<String>> seen = new HashMap<>();
        for (FleetInstance instance : state.fleet().instances()) {
            NodeDetail detail = state.detail(instance.id());
            if (detail != null && detail.error() == null) {
                List<NodeDetail.DatabasePool> pools = detail.pools().stream()
                        .sorted(Comparator.comparing(NodeDetail.DatabasePool::database)).toList();
                pools.forEach(p -> items.add(new Item(instance.id() + "/" + p.database(), new ConnectionRow.Figures(
                        instance.id(), p.database(), p.inUse(), p.idle(), p.max(), detail.waits(),
                        detail.timeouts()), null, null, null)));
                seen.put(instance.id(), pools.stream().map(NodeDetail.DatabasePool::database).toList());
                continue;
            }
            NodeSummary.PoolUsage pool = instance.node() == null ? null : instance.node().pool();
            List<String> lastDatabases = databasesSeen.getOrDefault(instance.id(), List.of());
            if (pool != null) {
                items.add(new Item(instance.id() + "/", new ConnectionRow.Figures(instance.id(), ALL_DATABASES,
                        pool.inUse(), pool.idle(), pool.max(), pool.waits(), pool.timeouts()), null, null, null));
            } else if (lastDatabases.isEmpty()) {
                items.add(new Item(instance.id() + "/", null, instance.id(), null, Unavailable.why(instance, "pool")));
            } else {
                String why = Unavailable.why(instance, "pool");
                lastDatabases.forEach(db -> items.add(new Item(instance.id() + "/" + db, null, instance.id(), db, why)));
                seen.put(instance.id(), lastDatabases);
            }
        }
        databasesSeen = seen; // nodes gone from the fleet are forgotten
        items.sort(Comparator.comparing(Item::key));
        RowSync.sync(rows, items, Item::key, ConnectionRow::key, item -> {
            ConnectionRow row = new ConnectionRow(item.key());
            item.applyTo(row);
            return row;
        }, (row, item) -> item.applyTo(row));
        filter.refreshed();
    }

    /** The {@code /} filter of the table. */
    public ListFilter<ConnectionRow> filter() {
        return filter;
    }

    /** A row's data: its figures, or (figures null) the node, the database if known, and why there are none. */
    private record Item(String key, ConnectionRow.Figures figures, String node, String database, String why) {
        void applyTo(ConnectionRow row) {
            if (figures == null) {
                row.updateUnavailable(node, database, why);
            } else {
                row.update(figures);
            }
        }
    }

    public ObservableList<ConnectionRow> rows() {
        return rows;
    }
}
