package dev.graphfleet.console.viewmodel;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ModifiableObservableListBase;

/**
 * The observable rows of a table that can also be put in a new order as one permutation: the filter,
 * the sort and the table above it re-index what they hold instead of rebuilding from a wholesale
 * replace ({@code setAll}), which at 10,000 rows was most of a refresh's FX-thread time when the
 * Overview's worst-first order changed. Otherwise an ordinary observable list.
 */
final class RowList<R> extends ModifiableObservableListBase<R> {

    private final List<R> rows = new ArrayList<>();

    /**
     * Puts the rows in {@code order}, which must hold exactly the rows held now; fires one permutation
     * from the first row to the last that moved, or nothing when none did.
     */
    void arrange(List<R> order) {
        if (order.size() != rows.size()) {
            throw new IllegalArgumentException("a new order must hold the same " + rows.size() + " rows, got "
                    + order.size());
        }
        int to = rows.size();
        while (to > 0 && rows.get(to - 1) == order.get(to - 1)) {
            to--;
        }
        if (to == 0) {
            return;
        }
        // From the first row, even when the first rows stayed: a FilteredList on top passes a permutation
        // that starts further down with wrong indexes (JavaFX 21), and the SortedList above it breaks.
        int from = 0;
        Map<R, Integer> newIndex = new IdentityHashMap<>(2 * (to - from));
        for (int i = from; i < to; i++) {
            newIndex.put(order.get(i), i);
        }
        int[] perm = new int[to - from];
        for (int i = from; i < to; i++) {
            Integer moved = newIndex.get(rows.get(i));
            if (moved == null) {
                throw new IllegalArgumentException("the new order lacks a row held at " + i);
            }
            perm[i - from] = moved;
        }
        beginChange();
        for (int i = from; i < to; i++) {
            rows.set(i, order.get(i));
        }
        nextPermutation(from, to, perm);
        endChange();
    }

    @Override
    public R get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    protected void doAdd(int index, R element) {
        rows.add(index, element);
    }

    @Override
    protected R doSet(int index, R element) {
        return rows.set(index, element);
    }

    @Override
    protected R doRemove(int index) {
        return rows.remove(index);
    }
}
