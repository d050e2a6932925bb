package dev.graphfleet.console.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table as CSV (RFC 4180: comma separated, CRLF line ends, fields with commas, quotes, line breaks or
 * edge spaces quoted, quotes doubled). The tables show figures with their units ("431 GB", "86 %"); a column
 * whose every figure has the same unit gets it in its header ("Used (GB)") and bare numbers below, so a
 * spreadsheet can add them up. "—" (nothing to show) becomes an empty field. Text that a spreadsheet would
 * run as a formula (=, +, @, or - before a non-digit) is prefixed with a quote.
 */
public record CsvTable(List<String> headers, List<List<String>> rows) {

    private static final Pattern FIGURE = Pattern.compile(
            "(-?[0-9]+(?:\\.[0-9]+)?) ?(GB|GiB|MB|MiB|KiB|TiB|B|%|ms|s|min|h|d|GB/h|MB/h)");
    private static final String NOTHING = "—";

    public CsvTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(r -> List.copyOf(r.stream().map(v -> v == null ? "" : v).toList())).toList();
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " fields for " + headers.size()
                        + " headers: " + row);
            }
        }
    }

    /** The CSV text, header line first. */
    public String toCsv() {
        List<String> outHeaders = new ArrayList<>(headers);
        List<List<String>> outRows = new ArrayList<>();
        rows.forEach(r -> outRows.add(new ArrayList<>(r)));
        for (int c = 0; c < headers.size(); c++) {
            String unit = commonUnit(c);
            for (List<String> row : outRows) {
                String v = row.get(c);
                row.set(c, v.equals(NOTHING) ? "" : unit == null ? v : bare(v));
            }
            if (unit != null) {
                outHeaders.set(c, headers.get(c) + " (" + unit + ")");
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, outHeaders);
        outRows.forEach(r -> line(out, r));
        return out.toString();
    }

    /** The unit every figure of column {@code c} has, or null when they differ or one is not a figure. */
    private String commonUnit(int c) {
        String unit = null;
        for (List<String> row : rows) {
            String v = row.get(c).trim();
            if (v.isEmpty() || v.equals(NOTHING)) {
                continue;
            }
            Matcher m = FIGURE.matcher(v);
            if (!m.matches() || (unit != null && !unit.equals(m.group(2)))) {
                return null;
            }
            unit = m.group(2);
        }
        return unit;
    }

    private static String bare(String v) {
        Matcher m = FIGURE.matcher(v.trim());
        return m.matches() ? m.group(1) : v;
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String field(String value) {
        String v = Objects.requireNonNullElse(value, "");
        if (!v.isEmpty() && (v.charAt(0) == '=' || v.charAt(0) == '+' || v.charAt(0) == '@'
                || (v.charAt(0) == '-' && (v.length() == 1 || !Character.isDigit(v.charAt(1)))))) {
            v = "'" + v;
        }
        boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                || (!v.isEmpty() && (Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1))));
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
