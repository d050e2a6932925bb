package dev.graphfleet.console.viewmodel;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The {@code /} filter of one list: the rows the query ({@link RowQuery}) lets through, by the
 * columns the list names as tags. Re-applied after a refresh while a query is typed (a row's text
 * may have changed under it).
 */
public final class ListFilter<R> {

    private final FilteredList<R> visible;
    private final Set<String> tags;
    private final Function<R, Map<String, String>> fields;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");

    public ListFilter(ObservableList<R> rows, Set<String> tags, Function<R, Map<String, String>> fields) {
        this.visible = new FilteredList<>(rows, row -> true);
        this.tags = Set.copyOf(tags);
        this.fields = Objects.requireNonNull(fields, "fields");
        text.addListener((obs, was, now) -> reapply());
    }

    /** Column name, shown text, … as a row for the query (nulls kept out). */
    public static Map<String, String> fields(String... pairs) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                out.put(pairs[i], pairs[i + 1]);
            }
        }
        return out;
    }

    /** After a refresh: only needed while a query is typed. */
    public void refreshed() {
        if (!text.get().isBlank()) {
            reapply();
        }
    }

    private void reapply() {
        RowQuery query = RowQuery.parse(text.get(), tags);
        RowSync.set(error, query.error());
        visible.setPredicate(query == RowQuery.everything() ? row -> true : row -> query.matches(fields.apply(row)));
    }

    /** Every row, whatever the query. */
    public ObservableList<? extends R> all() {
        return visible.getSource();
    }

    /** The rows the query lets through. */
    public ObservableList<R> visible() {
        return visible;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** What in the query could not be read; empty when all could. */
    public StringProperty errorProperty() {
        return error;
    }

    /** The tags of this list, for the prompt. */
    public Set<String> tags() {
        return tags;
    }
}
