package dev.graphfleet.bench.results;

import java.util.ArrayList;
import java.util.List;

/** A table of figures as measured, formatted once where they were measured. */
public record Table(String caption, List<String> columns, List<List<String>> rows) {

    public Table {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }

    public static Builder builder(String caption, String... columns) {
        return new Builder(caption, List.of(columns));
    }

    public static final class Builder {
        private final String caption;
        private final List<String> columns;
        private final List<List<String>> rows = new ArrayList<>();

        private Builder(String caption, List<String> columns) {
            this.caption = caption;
            this.columns = columns;
        }

        public Builder row(Object... cells) {
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException("row of " + cells.length + " cells for " + columns.size() + " columns");
            }
            List<String> row = new ArrayList<>();
            for (Object cell : cells) {
                row.add(String.valueOf(cell));
            }
            rows.add(row);
            return this;
        }

        public Table build() {
            return new Table(caption, columns, rows);
        }
    }
}
