package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.junit.jupiter.api.Test;

/**
 * Rows are updated in place: the list changes only when keys change, a property only when its value does;
 * a new order of a {@link RowList} is one permutation of the rows that moved, never a wholesale replace.
 */
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

    @Test
    void aNewOrderIsOnePermutationOfTheRowsThatMoved() {
        RowList<Row> list = new RowList<>();
        syncInto(list, "a1", "b2", "c3", "d4", "e5");
        List<Row> before = new ArrayList<>(list);
        List<String> changes = new ArrayList<>();
        list.addListener((ListChangeListener<Row>) ch -> {
            while (ch.next()) {
                changes.add((ch.wasPermutated() ? "permutated " : ch.wasReplaced() ? "replaced " : "other ")
                        + ch.getFrom() + ".." + ch.getTo());
            }
        });
        AtomicInteger valueChanges = new AtomicInteger();
        list.forEach(r -> r.value.addListener((obs, was, now) -> valueChanges.incrementAndGet()));

        syncInto(list, "a1", "d4", "c3", "b2", "e5");

        assertThat(list).extracting(r -> r.key).containsExactly("a", "d", "c", "b", "e");
        assertThat(list).containsExactlyInAnyOrderElementsOf(before);
        assertThat(changes).as("once, from the first row to the last that moved").containsExactly("permutated 0..4");
        assertThat(valueChanges.get()).as("unchanged rows fire nothing").isZero();
    }

    /**
     * Any old and new order: the edits the list fires, replayed on a copy, give the new order too, and so
     * do the filtered and sorted lists a table shows (JavaFX 21's FilteredList passes a permutation that
     * does not start at the first row with wrong indexes: this failed before permutations started there).
     */
    @Test
    void anyOldAndNewOrderEndsInTheNewOrderWithTheSurvivingRowsKept() {
        Random random = new Random(15);
        List<String> pool = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
        for (int trial = 0; trial < 500; trial++) {
            RowList<Row> list = new RowList<>();
            // what the tables show: the rows filtered, then sorted (no sort column: the rows' order)
            SortedList<Row> shown = new SortedList<>(new FilteredList<>(list, r -> true));
            syncInto(list, pick(random, pool));
            Map<String, Row> old = new HashMap<>();
            list.forEach(r -> old.put(r.key, r));
            List<Row> replayed = new ArrayList<>(list);
            list.addListener((ListChangeListener<Row>) ch -> replay(ch, replayed));
            AtomicInteger valueChanges = new AtomicInteger();
            list.forEach(r -> r.value.addListener((obs, was, now) -> valueChanges.incrementAndGet()));

            String[] next = pick(random, pool);
            syncInto(list, next);

            List<String> keys = java.util.Arrays.stream(next).map(k -> k.substring(0, 1)).toList();
            assertThat(list).extracting(r -> r.key).as("trial %d", trial).containsExactlyElementsOf(keys);
            assertThat(replayed).as("trial %d: the changes fired", trial).containsExactlyElementsOf(list);
            assertThat(shown).as("trial %d: filtered and sorted on top", trial).containsExactlyElementsOf(list);
            list.stream().filter(r -> old.containsKey(r.key))
                    .forEach(r -> assertThat(r).as("a surviving row is kept").isSameAs(old.get(r.key)));
            assertThat(valueChanges.get()).as("values are the keys': nothing changed").isZero();
        }
    }

    private static void syncInto(ObservableList<Row> list, String... keyAndValue) {
        List<Item> items = java.util.Arrays.stream(keyAndValue)
                .map(s -> new Item(s.substring(0, 1), s.substring(1))).toList();
        RowSync.sync(list, items, Item::key, r -> r.key, i -> {
            Row row = new Row(i.key());
            row.value.set(i.value());
            return row;
        }, (row, i) -> RowSync.set(row.value, i.value()));
    }

    /** Some keys of {@code pool} in a random order, each with a value of its own. */
    private static String[] pick(Random random, List<String> pool) {
        List<String> keys = new ArrayList<>(pool);
        Collections.shuffle(keys, random);
        return keys.subList(0, random.nextInt(pool.size() + 1)).stream().map(k -> k + k.toUpperCase())
                .toArray(String[]::new);
    }

    private static void replay(ListChangeListener.Change<? extends Row> ch, List<Row> copy) {
        while (ch.next()) {
            if (ch.wasPermutated()) {
                List<Row> was = new ArrayList<>(copy.subList(ch.getFrom(), ch.getTo()));
                for (int i = ch.getFrom(); i < ch.getTo(); i++) {
                    copy.set(ch.getPermutation(i), was.get(i - ch.getFrom()));
                }
            } else {
                copy.subList(ch.getFrom(), ch.getFrom() + ch.getRemovedSize()).clear();
                copy.addAll(ch.getFrom(), ch.getAddedSubList());
            }
        }
    }
}
