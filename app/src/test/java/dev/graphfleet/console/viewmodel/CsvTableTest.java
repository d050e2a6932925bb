package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void aColumnOfFiguresWithOneUnitHasItInTheHeader() {
        CsvTable table = new CsvTable(List.of("Node", "Used", "Usage", "Uptime"), List.of(
                List.of("writer-1", "431 GB", "86 %", "2 h 05 min"),
                List.of("replica-a", "23.5 GB", "—", "40 s")));
        assertThat(table.toCsv()).isEqualTo("Node,Used (GB),Usage (%),Uptime\r\n"
                + "writer-1,431,86,2 h 05 min\r\n"
                + "replica-a,23.5,,40 s\r\n");
    }

    @Test
    void mixedUnitsStayAsTheyAre() {
        CsvTable table = new CsvTable(List.of("Memory"), List.of(List.of("8.0 GiB"), List.of("512 MiB")));
        assertThat(table.toCsv()).isEqualTo("Memory\r\n8.0 GiB\r\n512 MiB\r\n");
    }

    @Test
    void fieldsThatNeedItAreQuoted() {
        assertThat(CsvTable.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvTable.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvTable.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvTable.field(" padded")).isEqualTo("\" padded\"");
        assertThat(CsvTable.field("plain")).isEqualTo("plain");
        assertThat(CsvTable.field("")).isEqualTo("");
    }

    @Test
    void textASpreadsheetWouldRunIsDefused() {
        assertThat(CsvTable.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvTable.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvTable.field("-cmd")).isEqualTo("'-cmd");
        assertThat(CsvTable.field("-5")).as("a negative number is a number").isEqualTo("-5");
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        assertThatThrownBy(() -> new CsvTable(List.of("a", "b"), List.of(List.of("1"))))
                .hasMessageContaining("1 fields for 2 headers");
    }
}
