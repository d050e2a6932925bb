package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an export says on the status bar, and what it hands to the writer. */
class ExportViewModelTest {

    private final ExportViewModel model = new ExportViewModel();
    private final List<String> written = new ArrayList<>();
    private final File file = new File("/tmp/volumes.csv");

    private void target(Exception failure) {
        model.setTarget(new ExportViewModel.ExportTarget() {
            @Override
            public void writeText(File f, String text) throws Exception {
                if (failure != null) {
                    throw failure;
                }
                written.add(f + ": " + text);
            }

            @Override
            public void writePng(File f, int width, int height, int[] argb) throws Exception {
                if (failure != null) {
                    throw failure;
                }
                written.add(f + ": " + width + "x" + height + " " + argb.length);
            }
        });
    }

    @Test
    void aTableIsWrittenAsCsvAndTheRowsCounted() {
        target(null);
        CsvTable table = new CsvTable(List.of("Node"), List.of(List.of("a"), List.of("b")));

        assertThat(model.csv(file, "Volumes", table)).isTrue();

        assertThat(written).containsExactly(file + ": " + table.toCsv());
        assertThat(model.outcomeProperty().get()).isEqualTo("Exported Volumes (2 rows) to " + file);
        assertThat(model.csv(file, "Fleet", new CsvTable(List.of("Node"), List.of(List.of("a"))))).isTrue();
        assertThat(model.outcomeProperty().get()).isEqualTo("Exported Fleet (1 row) to " + file);
    }

    @Test
    void aPictureIsWrittenWithItsSize() {
        target(null);

        assertThat(model.png(file, "Overview", 3, 2, new int[6])).isTrue();

        assertThat(written).containsExactly(file + ": 3x2 6");
        assertThat(model.outcomeProperty().get()).isEqualTo("Exported Overview (3 × 2 px) to " + file);
        assertThatThrownBy(() -> model.png(file, "Overview", 3, 2, new int[5]))
                .hasMessage("5 pixels for 3 × 2");
    }

    @Test
    void aFailedWriteSaysWhyAndReturnsFalse() {
        target(new IOException("disk full"));
        assertThat(model.csv(file, "Volumes", new CsvTable(List.of("Node"), List.of()))).isFalse();
        assertThat(model.outcomeProperty().get()).isEqualTo("Export to " + file + " failed: disk full");

        target(new IllegalStateException());
        assertThat(model.png(file, "Overview", 1, 1, new int[1])).isFalse();
        assertThat(model.outcomeProperty().get()).isEqualTo("Export to " + file + " failed: IllegalStateException");
    }

    @Test
    void withoutAWriterNothingIsWrittenAndTheStatusSaysSo() {
        assertThat(model.outcomeProperty().get()).isEmpty();
        assertThat(model.csv(file, "Volumes", new CsvTable(List.of("Node"), List.of()))).isFalse();
        assertThat(model.outcomeProperty().get()).isEqualTo("Export to " + file + " failed: exports are not set up");
        assertThat(model.png(file, "Overview", 1, 1, new int[1])).isFalse();
        assertThat(model.outcomeProperty().get()).isEqualTo("Export to " + file + " failed: exports are not set up");
    }
}
