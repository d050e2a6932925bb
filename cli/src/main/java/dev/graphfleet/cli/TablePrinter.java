package dev.graphfleet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders rows as an aligned text table with a header rule and a row count. */
public final class TablePrinter {

    private TablePrinter() {
    }

    public static String render(List<String> columns, List<? extends List<?>> rows) {
        if (columns.isEmpty()) {
            return "(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)") + "\n";
        }
        List<List<String>> cells = new ArrayList<>();
        cells.add(columns);
        for (List<?> row : rows) {
            cells.add(row.stream().map(TablePrinter::cell).toList());
        }
        int[] widths = new int[columns.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < widths.length && i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendLine(out, cells.get(0), widths);
        for (int i = 0; i < widths.length; i++) {
            out.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        }
        out.append('\n');
        for (List<String> line : cells.subList(1, cells.size())) {
            appendLine(out, line, widths);
        }
        out.append('(').append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)").append('\n');
        return out.toString();
    }

    private static void appendLine(StringBuilder out, List<String> line, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String value = i < line.size() ? line.get(i) : "";
            text.append(i == 0 ? "" : "  ").append(value).append(" ".repeat(widths[i] - value.length()));
        }
        out.append(text.toString().stripTrailing()).append('\n');
    }

    private static String cell(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return QueryCommand.jsonMapper().writeValueAsString(value);
            } catch (JsonProcessingException e) {
                return String.valueOf(value);
            }
        }
        return String.valueOf(value).replace('\n', ' ');
    }
}
