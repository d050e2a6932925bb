package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The numbers every table of the console shows: each unit switches at its edge and not before. */
class UnitsTest {

    @Test
    void bytesSwitchUnitAt1024AndShowOneDecimalFromGibUp() {
        assertThat(Units.bytes(0)).isEqualTo("0 B");
        assertThat(Units.bytes(1023)).isEqualTo("1023 B");
        assertThat(Units.bytes(1024)).isEqualTo("1 KiB");
        assertThat(Units.bytes(1536)).isEqualTo("2 KiB");
        assertThat(Units.bytes(5L * 1024 * 1024)).isEqualTo("5 MiB");
        assertThat(Units.bytes(1024L * 1024 * 1024 - 1)).isEqualTo("1024 MiB");
        assertThat(Units.bytes(2L * 1024 * 1024 * 1024)).isEqualTo("2.0 GiB");
        assertThat(Units.bytes(2_190_000_000L)).isEqualTo("2.0 GiB");
        assertThat(Units.bytes(2_200_000_000L)).isEqualTo("2.0 GiB");
        assertThat(Units.bytes(2_260_000_000L)).isEqualTo("2.1 GiB");
        assertThat(Units.bytes(1536L * 1024 * 1024 * 1024)).isEqualTo("1.5 TiB");
        assertThat(Units.bytes(2048L * 1024 * 1024 * 1024 * 1024)).isEqualTo("2048.0 TiB");
        assertThat(Units.bytes(-3L * 1024 * 1024)).isEqualTo("−3 MiB");
    }

    @Test
    void gigabytesShowADecimalUnderAHundred() {
        assertThat(Units.gigabytes(431.4)).isEqualTo("431 GB");
        assertThat(Units.gigabytes(100)).isEqualTo("100 GB");
        assertThat(Units.gigabytes(99.94)).isEqualTo("99.9 GB");
        assertThat(Units.gigabytes(23.25)).isEqualTo("23.3 GB");
        assertThat(Units.gigabytes(0.04)).isEqualTo("0.0 GB");
    }

    @Test
    void percentRoundsToWholeNumbers() {
        assertThat(Units.percent(0.864)).isEqualTo("86 %");
        assertThat(Units.percent(0.866)).isEqualTo("87 %");
        assertThat(Units.percent(1)).isEqualTo("100 %");
    }

    @Test
    void durationsSwitchUnitAtAMinuteAnHourAndADay() {
        assertThat(Units.duration(Duration.ofSeconds(-5))).isEqualTo("0 s");
        assertThat(Units.duration(Duration.ofSeconds(59))).isEqualTo("59 s");
        assertThat(Units.duration(Duration.ofSeconds(60))).isEqualTo("1 min");
        assertThat(Units.duration(Duration.ofSeconds(3599))).isEqualTo("59 min");
        assertThat(Units.duration(Duration.ofSeconds(3600))).isEqualTo("1 h 00 min");
        assertThat(Units.duration(Duration.ofMinutes(125))).isEqualTo("2 h 05 min");
        assertThat(Units.duration(Duration.ofMinutes(610))).isEqualTo("10 h 10 min");
        assertThat(Units.duration(Duration.ofSeconds(86_399))).isEqualTo("23 h 59 min");
        assertThat(Units.duration(Duration.ofDays(1))).isEqualTo("1 d 0 h");
        assertThat(Units.duration(Duration.ofHours(76).plusMinutes(59))).isEqualTo("3 d 4 h");
    }

    @Test
    void shortWaitsAreInMillisecondsUnderASecond() {
        assertThat(Units.millis(Duration.ofMillis(120))).isEqualTo("120 ms");
        assertThat(Units.millis(Duration.ofMillis(999))).isEqualTo("999 ms");
        assertThat(Units.millis(Duration.ofMillis(1000))).isEqualTo("1 s");
        assertThat(Units.millis(Duration.ofSeconds(4))).isEqualTo("4 s");
        assertThat(Units.millis(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(Units.millis(Duration.ofMillis(12_340))).isEqualTo("12.3 s");
    }

    @Test
    void countsAreSingularForOneOnly() {
        assertThat(Units.count(1, "database", "databases")).isEqualTo("1 database");
        assertThat(Units.count(0, "database", "databases")).isEqualTo("0 databases");
        assertThat(Units.count(3, "database", "databases")).isEqualTo("3 databases");
    }
}
