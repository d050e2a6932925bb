package dev.graphfleet.volume.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reads in flight follow the open-file limit: every silent node holds a socket for its whole read. */
class MonitorOptionsTest {

    @Test
    void aLambdasThousandFilesGiveFiveHundredTwelveReads() {
        assertThat(MonitorOptions.readsInFlightFor(1024)).isEqualTo(512);
    }

    @Test
    void aHostsLargerLimitLetsAThousandSilentNodesWaitTogetherUpToACap() {
        assertThat(MonitorOptions.readsInFlightFor(20_000)).isEqualTo(4096);
        assertThat(MonitorOptions.readsInFlightFor(4_096)).isEqualTo(2048);
    }

    @Test
    void aTinyLimitStillLeavesSomeReads() {
        assertThat(MonitorOptions.readsInFlightFor(50)).isEqualTo(64);
    }

    @Test
    void theDefaultsUseThisProcesssLimit() {
        assertThat(MonitorOptions.defaults().maxReadsInFlight()).isBetween(64, 4096);
    }
}
