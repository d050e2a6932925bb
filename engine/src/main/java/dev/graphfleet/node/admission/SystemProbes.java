package dev.graphfleet.node.admission;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads of the machine's state from /proc and the file system; each returns null when unreadable. */
final class SystemProbes {

    private static final Path MEMINFO = Path.of("/proc/meminfo");
    private static final Path MOUNTS = Path.of("/proc/self/mounts");

    private SystemProbes() {
    }

    record Memory(long totalBytes, long availableBytes) {
    }

    /** {@code MemTotal}/{@code MemAvailable} from /proc/meminfo; the JVM's view (free pages only) elsewhere. */
    static Memory memory(com.sun.management.OperatingSystemMXBean os) {
        return memory(os, MEMINFO);
    }

    /** As {@link #memory(com.sun.management.OperatingSystemMXBean)}, from a meminfo-style file. */
    static Memory memory(com.sun.management.OperatingSystemMXBean os, Path meminfo) {
        Map<String, Long> info = meminfo(meminfo);
        Long total = info.get("MemTotal");
        Long available = info.get("MemAvailable");
        if (total != null && available != null) {
            return new Memory(total, available);
        }
        long jvmTotal = os.getTotalMemorySize();
        return jvmTotal > 0 ? new Memory(jvmTotal, os.getFreeMemorySize()) : null;
    }

    /** The kB fields of a meminfo-style file, in bytes; empty when it cannot be read. */
    static Map<String, Long> meminfo(Path file) {
        Map<String, Long> values = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.split("\\s+");
                if (parts.length >= 2 && parts[0].endsWith(":")) {
                    long value = Long.parseLong(parts[1]);
                    boolean kilobytes = parts.length >= 3 && parts[2].equalsIgnoreCase("kB");
                    values.put(parts[0].substring(0, parts[0].length() - 1), kilobytes ? value * 1024 : value);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return values;
    }

    static ResourceSample.DiskUsage disk(Path dataDir) {
        try {
            Path real = dataDir.toRealPath();
            FileStore store = Files.getFileStore(real);
            long total = store.getTotalSpace();
            long used = total - store.getUnallocatedSpace();
            return new ResourceSample.DiskUsage(total, used, store.getUsableSpace(), mountPointOf(real));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The longest mount point in /proc/self/mounts that contains the path; the path itself if unknown. */
    static String mountPointOf(Path path) {
        return mountPointOf(path, MOUNTS);
    }

    /** As {@link #mountPointOf(Path)}, from a mounts-style file. */
    static String mountPointOf(Path path, Path mounts) {
        String best = null;
        try {
            for (String line : Files.readAllLines(mounts)) {
                List<String> fields = List.of(line.split(" "));
                if (fields.size() < 2) {
                    continue;
                }
                String mount = fields.get(1).replace("\\040", " ");
                if (path.startsWith(Path.of(mount)) && (best == null || mount.length() > best.length())) {
                    best = mount;
                }
            }
        } catch (IOException | RuntimeException e) {
            return path.toString();
        }
        return best == null ? path.toString() : best;
    }
}
