package dev.graphfleet.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcSelfMemoryTest {

    @TempDir
    Path dir;

    @Test
    void residentMemoryIsVmRssInKibibytes() throws Exception {
        Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\nVmPeak:\t 9999 kB\nVmRSS:\t  123456 kB\n");
        assertThat(new ProcSelfMemory(1L << 30, status).rssBytes()).isEqualTo(OptionalLong.of(123456L * 1024));
    }

    @Test
    void anUnreadableOrUnexpectedStatusIsMissingNotZero() throws Exception {
        assertThat(new ProcSelfMemory(1L << 30, dir.resolve("absent")).rssBytes()).isEmpty();
        Path noRss = Files.writeString(dir.resolve("no-rss"), "Name:\tjava\n");
        assertThat(new ProcSelfMemory(1L << 30, noRss).rssBytes()).isEmpty();
        Path garbled = Files.writeString(dir.resolve("garbled"), "VmRSS:\tlots kB\n");
        assertThat(new ProcSelfMemory(1L << 30, garbled).rssBytes()).isEmpty();
    }

    @Test
    void theBudgetIsTheMaximumHeapPlusTheBufferPools() {
        long heapMax = Runtime.getRuntime().maxMemory();
        assertThat(heapMax).isNotEqualTo(Long.MAX_VALUE); // a JVM has one (by default a quarter of RAM)
        assertThat(new ProcSelfMemory(1L << 30, dir.resolve("status")).budgetBytes())
                .isEqualTo(OptionalLong.of(heapMax + (1L << 30)));
        assertThat(new ProcSelfMemory(0, dir.resolve("status")).budgetBytes()).isEmpty();
    }

    @Test
    void thisProcessHasAResidentSetOnLinux() {
        if (Files.isReadable(Path.of("/proc/self/status"))) {
            assertThat(ProcessMemory.fromProc(1L << 30).rssBytes().orElseThrow()).isPositive();
        }
    }
}
