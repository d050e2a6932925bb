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
import javafx.collections.ObservableList;

/**
 * Connections: per node and database, in use / idle / max, and the node's waits and timeouts. With
 * only the fleet model's summary (node details not read), one row per node sums its databases. A
 * node that stops answering keeps the rows of the databases it last reported, each saying why it
 * has no figures: the rows do not jump, and the table is not rebuilt each time a node blinks.
 */
public final class ConnectionsViewModel extends LiveViewModel<ConnectionsViewModel.Frame> {

    static final String ALL_DATABASES = "(all databases)";

    private final ObservableList<ConnectionRow> rows = new RowList<>();
    private final ListFilter<ConnectionRow> filter = new ListFilter<>(rows,
            java.util.Set.of("node", "database", "level"),
            r -> ListFilter.fields("node", r.nodeProperty().get(), "database", r.databaseProperty().get(),
                    "level", r.levelProperty().get()));
    /** The databases each node reported last (in name order), kept while it does not answer (prepare's thread). */
    private Map<String, List<String>> databasesSeen = new HashMap<>();
    /**
     * What {@link #prepare} made for each row last time: equal figures reuse its texts, and the key is the
     * same instance, so the FX thread matches rows by identity (prepare's thread only).
     */
    private Map<String, Item> prepared = new HashMap<>();

    /** One refresh as the Connections view shows it: a row per node and database, by key. */
    public record Frame(List<Item> items) {
    }

    /** One row: its key (node/database) and its texts. */
    record Item(String key, ConnectionRow.Texts texts) {
    }

    @Override
    protected Frame prepare(ConsoleState state) {
        List<Item> items = new ArrayList<>();
        Map<String, List<String>> seen = new HashMap<>();
        for (FleetInstance instance : state.fleet().instances()) {
            NodeDetail detail = state.detail(instance.id());
            if (detail != null && detail.error() == null) {
                List<NodeDetail.DatabasePool> pools = detail.pools().stream()
                        .sorted(Comparator.comparing(NodeDetail.DatabasePool::database)).toList();
                pools.forEach(p -> items.add(item(instance.id() + "/" + p.database(), new ConnectionRow.Figures(
                        instance.id(), p.database(), p.inUse(), p.idle(), p.max(), detail.waits(),
                        detail.timeouts()))));
                seen.put(instance.id(), pools.stream().map(NodeDetail.DatabasePool::database).toList());
                continue;
            }
            NodeSummary.PoolUsage pool = instance.node() == null ? null : instance.node().pool();
            List<String> lastDatabases = databasesSeen.getOrDefault(instance.id(), List.of());
            if (pool != null) {
                items.add(item(instance.id() + "/", new ConnectionRow.Figures(instance.id(), ALL_DATABASES,
                        pool.inUse(), pool.idle(), pool.max(), pool.waits(), pool.timeouts())));
            } else if (lastDatabases.isEmpty()) {
                items.add(unavailable(instance.id() + "/", instance.id(), null, Unavailable.why(instance, "pool")));
            } else {
                String why = Unavailable.why(instance, "pool");
                lastDatabases.forEach(db -> items.add(unavailable(instance.id() + "/" + db, instance.id(), db, why)));
                seen.put(instance.id(), lastDatabases);
            }
        }
        databasesSeen = seen; // nodes gone from the fleet are forgotten
        items.sort(Comparator.comparing(Item::key));
        Map<String, Item> next = new HashMap<>(items.size() * 2);
        items.forEach(i -> next.put(i.key(), i));
        prepared = next;
        return new Frame(List.copyOf(items));
    }

    private Item item(String key, ConnectionRow.Figures f) {
        Item was = prepared.get(key);
        if (was == null) {
            return new Item(key, ConnectionRow.Texts.of(f));
        }
        return f.equals(was.texts().figures()) ? was : new Item(was.key(), ConnectionRow.Texts.of(f));
    }

    private Item unavailable(String key, String node, String database, String why) {
        ConnectionRow.Texts texts = ConnectionRow.Texts.unavailable(node, database, why);
        Item was = prepared.get(key);
        if (was == null) {
            return new Item(key, texts);
        }
        return texts.equals(was.texts()) ? was : new Item(was.key(), texts);
    }

    @Override
    protected void update(Frame frame) {
        RowSync.sync(rows, frame.items(), Item::key, ConnectionRow::key, item -> {
            ConnectionRow row = new ConnectionRow(item.key());
            row.show(item.texts());
            return row;
        }, (row, item) -> row.show(item.texts()));
        filter.refreshed();
    }

    /** The {@code /} filter of the table. */
    public ListFilter<ConnectionRow> filter() {
        return filter;
    }

    public ObservableList<ConnectionRow> rows() {
        return rows;
    }
}
