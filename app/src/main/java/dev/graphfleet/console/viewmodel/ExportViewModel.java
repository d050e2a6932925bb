package dev.graphfleet.console.viewmodel;

import java.io.File;
import java.util.Objects;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Exports: any table as CSV, any view as PNG, to a file the user chose. The writing is the
 * {@link ExportTarget}'s (set by the app), so this stays free of I/O; the outcome is one line for the
 * status bar.
 */
public final class ExportViewModel {

    /** Writes the files (the app's: atomically, PNG through ImageIO). */
    public interface ExportTarget {
        void writeText(File file, String text) throws Exception;

        /** {@code argb}: {@code width × height} pixels, row by row, 0xAARRGGBB. */
        void writePng(File file, int width, int height, int[] argb) throws Exception;
    }

    private final StringProperty outcome = new SimpleStringProperty(this, "outcome", "");
    private ExportTarget target = new ExportTarget() {
        @Override
        public void writeText(File file, String text) {
            throw new IllegalStateException("exports are not set up");
        }

        @Override
        public void writePng(File file, int width, int height, int[] argb) {
            throw new IllegalStateException("exports are not set up");
        }
    };

    public void setTarget(ExportTarget exportTarget) {
        target = Objects.requireNonNull(exportTarget, "exportTarget");
    }

    /** Writes {@code table} to {@code file} as CSV; true when written. */
    public boolean csv(File file, String what, CsvTable table) {
        try {
            target.writeText(file, table.toCsv());
            outcome.set("Exported " + what + " (" + Units.count(table.rows().size(), "row", "rows") + ") to " + file);
            return true;
        } catch (Exception e) {
            outcome.set("Export to " + file + " failed: " + message(e));
            return false;
        }
    }

    /** Writes a picture of a view to {@code file} as PNG; true when written. */
    public boolean png(File file, String what, int width, int height, int[] argb) {
        if (argb.length != width * height) {
            throw new IllegalArgumentException(argb.length + " pixels for " + width + " × " + height);
        }
        try {
            target.writePng(file, width, height, argb);
            outcome.set("Exported " + what + " (" + width + " × " + height + " px) to " + file);
            return true;
        } catch (Exception e) {
            outcome.set("Export to " + file + " failed: " + message(e));
            return false;
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** What the last export did, for the status bar; empty before the first. */
    public StringProperty outcomeProperty() {
        return outcome;
    }
}
