package dev.graphfleet.node.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ResidentMemoryTest {

    private static final long MIB = 1024L * 1024L;

    @Test
    void readsWhatTheKernelReportsAsVmRss() throws Exception {
        ResidentMemory resident = ResidentMemory.open().orElseThrow(() -> new AssertionError("this test runs on Linux"));
        long statm = resident.bytes().orElseThrow();
        long vmRss = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                vmRss = Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
            }
        }
        assertThat(statm).isPositive().isCloseTo(vmRss, org.assertj.core.data.Percentage.withPercentage(10));
    }

    @Test
    void thePageSizeFollowsFromTheTwoReadings() {
        assertThat(ResidentMemory.pageSize(4096L * 1000, 1000)).isEqualTo(4096);
        assertThat(ResidentMemory.pageSize(65536L * 1000 + 5000, 1000)).isEqualTo(65536);
        assertThat(ResidentMemory.pageSize(16384L * 999, 1000)).isEqualTo(16384);
    }

    @Test
    void theDefaultHeadroomIsHalfTheBufferPoolsAndAtLeast512Mib() {
        assertThat(ProcessMemoryBudget.defaultHeadroomBytes(64 * MIB)).isEqualTo(512 * MIB);
        assertThat(ProcessMemoryBudget.defaultHeadroomBytes(8192 * MIB)).isEqualTo(4096 * MIB);
        ProcessMemoryBudget budget = new ProcessMemoryBudget(4096 * MIB, 8192 * MIB, 4096 * MIB);
        assertThat(budget.totalBytes()).isEqualTo(16384 * MIB);
        assertThat(budget.describe()).contains("16384 MiB", "max_memory_mb", "node.memory.query_headroom_mb");
        assertThat(ProcessMemoryBudget.of(64 * MIB, 100 * MIB).queryHeadroomBytes()).isEqualTo(100 * MIB);
    }
}
