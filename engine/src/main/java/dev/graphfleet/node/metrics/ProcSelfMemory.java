package dev.graphfleet.node.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The process's memory from {@code /proc/self/status}: {@code VmRSS} is in kB whatever the page size
 * ({@code /proc/self/statm} counts pages, and ARM kernels may use 64 KiB pages). Budget: maximum heap
 * plus the buffer pools' budget.
 */
final class ProcSelfMemory implements ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private final long bufferPoolBudgetBytes;
    private final Path status;

    ProcSelfMemory(long bufferPoolBudgetBytes) {
        this(bufferPoolBudgetBytes, STATUS);
    }

    ProcSelfMemory(long bufferPoolBudgetBytes, Path status) {
        this.bufferPoolBudgetBytes = bufferPoolBudgetBytes;
        this.status = status;
    }

    @Override
    public OptionalLong rssBytes() {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty(); // no /proc (not Linux) or an unexpected format: missing, not zero
        }
        return OptionalLong.empty();
    }

    @Override
    public OptionalLong budgetBytes() {
        long heapMax = Runtime.getRuntime().maxMemory();
        if (heapMax == Long.MAX_VALUE || bufferPoolBudgetBytes <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(heapMax + bufferPoolBudgetBytes);
    }
}
