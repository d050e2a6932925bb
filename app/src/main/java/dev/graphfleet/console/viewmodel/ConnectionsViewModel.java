package dev.graphfleet.console.viewmodel;

import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.NodeDetail;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.NodeSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Connections: per node and database, in use / idle / max, and the node's waits and timeouts. With
 * only the fleet model's summary (node details not read), one row per node sums its databases.
 */
public final class ConnectionsViewModel extends LiveViewModel {

    static final String ALL_DATABASES = "(all databases)";

    private final ObservableList<ConnectionRow> rows = FXCollections.observableArrayList();
    private final ListFilter<ConnectionRow> filter = new ListFilter<>(rows,
            java.util.Set.of("node", "database", "level"),
            r -> ListFilter.fields("node", r.nodeProperty().get(), "database", r.databaseProperty().get(),
                    "level", r.levelProperty().get()));

    @Override
    protected void update(ConsoleState state) {
        List<Item> items = new ArrayList<>();
        for (FleetInstance instance : state.fleet().instances()) {
            NodeDetail detail = state.detail(instance.id());
            if (detail != null && detail.error() == null) {
                detail.pools().stream().sorted(Comparator.comparing(NodeDetail.DatabasePool::database))
                        .forEach(p -> items.add(new Item(instance.id() + "/" + p.database(), new ConnectionRow.Figures(
                                instance.id(), p.database(), p.inUse(), p.idle(), p.max(), detail.waits(),
                                detail.timeouts()), null, null)));
            } else {
                NodeSummary.PoolUsage pool = instance.node() == null ? null : instance.node().pool();
                items.add(pool == null
                        ? new Item(instance.id() + "/", null, instance.id(), Unavailable.why(instance, "pool"))
                        : new Item(instance.id() + "/", new ConnectionRow.Figures(instance.id(), ALL_DATABASES,
                                pool.inUse(), pool.idle(), pool.max(), pool.waits(), pool.timeouts()), null, null));
            }
        }
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

    private record Item(String key, ConnectionRow.Figures figures, String node, String why) {
        void applyTo(ConnectionRow row) {
            if (figures == null) {
                row.updateUnavailable(node, why);
            } else {
                row.update(figures);
            }
        }
    }

    public ObservableList<ConnectionRow> rows() {
        return rows;
    }
}
