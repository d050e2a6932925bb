package dev.graphfleet.console.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectPropertyBase;
import javafx.beans.value.ChangeListener;

/**
 * One column of a row, read through from the texts the row shows now ({@link RowValues}): it holds
 * no copy, so a refresh costs it nothing while no cell listens, and it compares and fires only while
 * one does. A cell bound to it always reads the current texts, whatever it missed while off screen.
 *
 * @param <T> the row's texts (immutable)
 * @param <V> this column's value
 */
final class RowValue<T, V> extends ReadOnlyObjectPropertyBase<V> {

    private final RowValues<T> row;
    private final String name;
    private final Function<T, V> field;
    /** The listeners the base class holds, mirrored: whether anyone listens, without its private helper. */
    private final List<Object> listeners = new ArrayList<>(2);

    RowValue(RowValues<T> row, String name, Function<T, V> field) {
        this.row = row;
        this.name = name;
        this.field = field;
    }

    @Override
    public V get() {
        T shown = row.shown();
        return shown == null ? null : field.apply(shown);
    }

    /** The row went from {@code was} to {@code now} (never the same instance): fires if this column changed. */
    void moved(T was, T now) {
        if (listeners.isEmpty()) {
            return;
        }
        if (was == null || !Objects.equals(field.apply(was), field.apply(now))) {
            fireValueChangedEvent();
        }
    }

    @Override
    public void addListener(InvalidationListener listener) {
        super.addListener(listener);
        listened(listener);
    }

    @Override
    public void removeListener(InvalidationListener listener) {
        super.removeListener(listener);
        unlistened(listener);
    }

    @Override
    public void addListener(ChangeListener<? super V> listener) {
        super.addListener(listener);
        listened(listener);
    }

    @Override
    public void removeListener(ChangeListener<? super V> listener) {
        super.removeListener(listener);
        unlistened(listener);
    }

    private void listened(Object listener) {
        listeners.add(listener);
        if (listeners.size() == 1) {
            row.listened(1);
        }
    }

    private void unlistened(Object listener) {
        // by equals, as the base class removes (the first equal one); nothing for one it does not hold
        if (listeners.remove(listener) && listeners.isEmpty()) {
            row.listened(-1);
        }
    }

    @Override
    public Object getBean() {
        return row.bean();
    }

    @Override
    public String getName() {
        return name;
    }
}
