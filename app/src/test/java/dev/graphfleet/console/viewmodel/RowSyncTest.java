package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** Rows are updated in place: the list changes only when keys change, a property only when its value does. */
class RowSyncTest {

    record Item(String key, String value) {
    }

    static final class Row {
        final String key;
        final StringProperty value = new SimpleStringProperty();

        Row(String key) {
            this.key = key;
        }
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final AtomicInteger listChanges = new AtomicInteger();

    RowSyncTest() {
        rows.addListener((ListChangeListener<Row>) c -> listChanges.incrementAndGet());
    }

    private void sync(Item... items) {
        RowSync.sync(rows, List.of(items), Item::key, r -> r.key, i -> {
            Row row = new Row(i.key());
            row.value.set(i.value());
            return row;
        }, (row, i) -> RowSync.set(row.value, i.value()));
    }

    @Test
    void sameKeysUpdateRowsInPlaceWithoutTouchingTheList() {
        sync(new Item("a", "1"), new Item("b", "2"));
        List<Row> before = new ArrayList<>(rows);
        listChanges.set(0);
        AtomicInteger valueChanges = new AtomicInteger();
        rows.forEach(r -> r.value.addListener((obs, was, now) -> valueChanges.incrementAndGet()));

        sync(new Item("a", "1"), new Item("b", "3"));

        assertThat(rows).containsExactlyElementsOf(before);
        assertThat(listChanges.get()).isZero();
        assertThat(valueChanges.get()).as("only b's value changed").isEqualTo(1);
        assertThat(rows.get(1).value.get()).isEqualTo("3");
    }

    @Test
    void goneAndNewKeysAreRemovedAndInsertedWhereTheyBelong() {
        sync(new Item("a", "1"), new Item("b", "2"), new Item("c", "3"), new Item("e", "5"));
        Row c = rows.get(2);
        List<String> changes = new ArrayList<>();
        rows.addListener((ListChangeListener<Row>) ch -> {
            while (ch.next()) {
                changes.add((ch.wasReplaced() ? "replaced " : ch.wasRemoved() ? "removed " : "added ")
                        + ch.getFrom() + ".." + ch.getTo());
            }
        });

        sync(new Item("c", "3"), new Item("d", "4"), new Item("e", "5"));

        assertThat(rows).extracting(r -> r.key).containsExactly("c", "d", "e");
        assertThat(rows.get(0)).isSameAs(c);
        assertThat(changes).as("no wholesale replace: the table keeps its other cells")
                .containsExactly("removed 0..0", "added 1..2");
    }

    @Test
    void survivingRowsThatChangeOrderAreReorderedOnce() {
        sync(new Item("a", "1"), new Item("b", "2"));
        Row a = rows.get(0);
        listChanges.set(0);

        sync(new Item("b", "2"), new Item("a", "1"));

        assertThat(rows).extracting(r -> r.key).containsExactly("b", "a");
        assertThat(rows.get(1)).isSameAs(a);
        assertThat(listChanges.get()).isEqualTo(1);
    }
}
