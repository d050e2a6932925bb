package dev.graphfleet.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which parts of an interrupted download a resumed fetch trusts: only lines it wrote itself, for the same
 * object and part size, within the object's parts. Anything else means downloading those parts again.
 */
class PartJournalTest {

    private static final String HEADER = "graphfleet-parts 1 abc 300 100";

    @TempDir
    Path dir;

    private Path journal(String text) throws Exception {
        Path file = dir.resolve("data.kuzu.parts");
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        return file;
    }

    @Test
    void recordedPartsAreThereAfterAReopen() throws Exception {
        Path file = dir.resolve("data.kuzu.parts");
        try (PartJournal journal = PartJournal.open(file, HEADER, 3)) {
            assertThat(journal.completedCount()).isZero();
            journal.record(2);
            journal.record(0);
            assertThat(journal.isComplete(2)).isTrue();
            assertThat(journal.isComplete(1)).isFalse();
        }
        assertThat(Files.readString(file)).isEqualTo(HEADER + "\n2\n0\n");
        try (PartJournal reopened = PartJournal.open(file, HEADER, 3)) {
            assertThat(reopened.completedCount()).isEqualTo(2);
            assertThat(reopened.isComplete(0)).isTrue();
            assertThat(reopened.isComplete(2)).isTrue();
        }
    }

    @Test
    void partNumbersOutsideTheObjectAreIgnoredAndTheRestKept() throws Exception {
        try (PartJournal journal = PartJournal.open(journal(HEADER + "\n0\n3\n-1\n2\n"), HEADER, 3)) {
            assertThat(journal.completedCount()).isEqualTo(2);
            assertThat(journal.isComplete(0)).isTrue();
            assertThat(journal.isComplete(2)).isTrue();
        }
    }

    @Test
    void aTornLastLineIsDroppedButTheLinesBeforeItKept() throws Exception {
        try (PartJournal journal = PartJournal.open(journal(HEADER + "\n1\n2"), HEADER, 3)) {
            assertThat(journal.completedCount()).isEqualTo(1);
            assertThat(journal.isComplete(1)).isTrue();
            assertThat(journal.isComplete(2)).as("the torn line").isFalse();
        }
    }

    @Test
    void aJournalForAnotherObjectALineNotOursOrAnEmptyFileStartsOver() throws Exception {
        String other = "graphfleet-parts 1 abc 300 200";
        try (PartJournal journal = PartJournal.open(journal(other + "\n0\n1\n"), HEADER, 3)) {
            assertThat(journal.completedCount()).isZero();
        }
        assertThat(Files.readString(dir.resolve("data.kuzu.parts"))).as("rewritten for this object").isEqualTo(HEADER + "\n");
        try (PartJournal journal = PartJournal.open(journal(HEADER + "\n0\nzero\n1\n"), HEADER, 3)) {
            assertThat(journal.completedCount()).as("one line not ours: none of it is trusted").isZero();
        }
        try (PartJournal journal = PartJournal.open(journal(""), HEADER, 3)) {
            assertThat(journal.completedCount()).isZero();
        }
        try (PartJournal journal = PartJournal.open(journal(HEADER + "\n0\n1\n2\n"), HEADER, 3)) {
            assertThat(journal.completedCount()).isEqualTo(3);
        }
    }
}
