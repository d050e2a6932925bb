package dev.graphfleet.node.memory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The process's resident set, native engine memory included, read from {@code /proc/self/statm}
 * (one short line: cheap enough to read every few milliseconds). Empty where /proc is missing (not
 * Linux): the figure is then unknown, never guessed.
 */
public final class ResidentMemory {

    private static final Path STATM = Path.of("/proc/self/statm");
    private static final Path STATUS = Path.of("/proc/self/status");

    private final long pageBytes;

    private ResidentMemory(long pageBytes) {
        this.pageBytes = pageBytes;
    }

    /** A reader, or empty when this system has no /proc/self/statm. */
    public static java.util.Optional<ResidentMemory> open() {
        OptionalLong pages = readPages();
        OptionalLong statusBytes = vmRssBytes();
        if (pages.isEmpty() || statusBytes.isEmpty() || pages.getAsLong() <= 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ResidentMemory(pageSize(statusBytes.getAsLong(), pages.getAsLong())));
    }

    /** The resident set in bytes, or empty when it could not be read this time. */
    public OptionalLong bytes() {
        OptionalLong pages = readPages();
        return pages.isPresent() ? OptionalLong.of(pages.getAsLong() * pageBytes) : OptionalLong.empty();
    }

    /** statm counts pages; the page size (4 KiB, or 16/64 KiB on some arm64 kernels) follows from VmRSS. */
    static long pageSize(long vmRssBytes, long residentPages) {
        double ratio = (double) vmRssBytes / residentPages;
        long best = 4096;
        for (long candidate : new long[] {4096, 16384, 65536}) {
            if (Math.abs(candidate - ratio) < Math.abs(best - ratio)) {
                best = candidate;
            }
        }
        return best;
    }

    private static OptionalLong readPages() {
        try {
            String line = new String(Files.readAllBytes(STATM), StandardCharsets.US_ASCII);
            int start = line.indexOf(' ') + 1;
            int end = line.indexOf(' ', start);
            return OptionalLong.of(Long.parseLong(line.substring(start, end < 0 ? line.length() : end).trim()));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalLong vmRssBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
