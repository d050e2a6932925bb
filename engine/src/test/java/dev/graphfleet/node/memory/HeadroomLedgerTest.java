package dev.graphfleet.node.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.node.admission.MemoryLimitException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeadroomLedgerTest {

    private static final long MIB = 1024L * 1024L;

    @Test
    void statementsMayHoldTheHeadroomLessTheProcessAllowanceButAtLeastHalf() {
        assertThat(HeadroomLedger.lendable(600 * MIB)).isEqualTo(536 * MIB);
        assertThat(HeadroomLedger.lendable(128 * MIB)).isEqualTo(64 * MIB);
        assertThat(HeadroomLedger.lendable(100 * MIB)).isEqualTo(50 * MIB);
    }

    /** Two statements whose estimates fill a 600 MiB headroom exactly no longer run together. */
    @Test
    void twoEstimatesThatFillTheHeadroomExactlyDoNotRunTogether() {
        HeadroomLedger ledger = HeadroomLedger.forHeadroom(600 * MIB, Duration.ZERO, Duration.ofSeconds(5));
        ledger.reserve(300 * MIB);
        assertThatThrownBy(() -> ledger.reserve(300 * MIB)).isInstanceOf(MemoryLimitException.class)
                .hasMessageContaining("536 MiB that statements may hold of the query headroom")
                .hasMessageContaining("statements running now hold 300 MiB");
        ledger.release(300 * MIB);
        ledger.reserve(300 * MIB);
        assertThat(ledger.reservedBytes()).isEqualTo(300 * MIB);
    }
}
