package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaletteViewModelTest {

    private final List<String> ran = new ArrayList<>();

    private PaletteViewModel palette() {
        return new PaletteViewModel(() -> List.of(
                entry("View", "Fleet", null),
                entry("View", "Buffer pools", null),
                entry("Action", "Invalidate customer_a on writer-1", null),
                entry("Action", "Restart replica-1", "read-only: actions are off")));
    }

    private PaletteViewModel.Entry entry(String category, String label, String disabled) {
        return new PaletteViewModel.Entry(category, label, disabled, () -> ran.add(label));
    }

    private static List<String> labels(PaletteViewModel p) {
        return p.matches().stream().map(PaletteViewModel.Entry::label).toList();
    }

    @Test
    void opensWithEverythingInOrder() {
        PaletteViewModel p = palette();
        p.open();
        assertThat(p.shownProperty().get()).isTrue();
        assertThat(labels(p)).hasSize(4).first().isEqualTo("Fleet");
    }

    @Test
    void fuzzyQueriesKeepLettersInOrderAndRankWordStartsFirst() {
        PaletteViewModel p = palette();
        p.open();
        p.queryProperty().set("bufp");
        assertThat(labels(p)).containsExactly("Buffer pools");
        p.queryProperty().set("inv cus");
        assertThat(labels(p)).containsExactly("Invalidate customer_a on writer-1");
        p.queryProperty().set("zzz");
        assertThat(labels(p)).isEmpty();
        p.queryProperty().set("re");
        assertThat(labels(p).get(0)).isEqualTo("Restart replica-1"); // "re" at a word start beats "...ffer pools"
    }

    @Test
    void enterRunsTheSelectedAndCloses() {
        PaletteViewModel p = palette();
        p.open();
        p.move(1);
        p.move(5); // stays on the last
        p.move(-2);
        assertThat(p.selectedProperty().get()).isEqualTo(1);
        p.runSelected();
        assertThat(ran).containsExactly("Buffer pools");
        assertThat(p.shownProperty().get()).isFalse();
    }

    @Test
    void aDisabledEntrySaysWhyAndDoesNotRun() {
        PaletteViewModel p = palette();
        p.open();
        p.queryProperty().set("restart");
        p.runSelected();
        assertThat(ran).isEmpty();
        assertThat(p.shownProperty().get()).isTrue();
        assertThat(p.messageProperty().get()).isEqualTo("Restart replica-1: read-only: actions are off");
        p.open();
        assertThat(p.queryProperty().get()).isEmpty();
        assertThat(p.messageProperty().get()).isEmpty();
    }

    @Test
    void fuzzyScoresRunsAndWordStartsHigher() {
        assertThat(Fuzzy.score("fl", "Fleet")).isGreaterThan(Fuzzy.score("fl", "Buffer pools, flat"));
        assertThat(Fuzzy.score("xy", "Fleet")).isEqualTo(-1);
        assertThat(Fuzzy.score("", "anything")).isZero();
    }
}
