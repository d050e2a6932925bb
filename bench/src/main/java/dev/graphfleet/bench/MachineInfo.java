package dev.graphfleet.bench;

import dev.graphfleet.bench.results.Results;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The machine a run measured: from /proc and the JDK, so the doc never guesses. */
final class MachineInfo {

    private MachineInfo() {
    }

    static Results.Machine read() throws IOException {
        String cpu = grep(Path.of("/proc/cpuinfo"), "model name");
        long memKib = Long.parseLong(grep(Path.of("/proc/meminfo"), "MemTotal").replaceAll("[^0-9]", ""));
        String os = grep(Path.of("/etc/os-release"), "PRETTY_NAME").replace("\"", "").replaceFirst("^=", "");
        double load = loadAverage();
        String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        return new Results.Machine(cpu, Runtime.getRuntime().availableProcessors(), memKib / 1024, os, jdk,
                graphEngine(), load);
    }

    /** The 1-minute load average: a busy machine explains a noisy figure. */
    static double loadAverage() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private static String graphEngine() throws IOException {
        try (InputStream in = MachineInfo.class.getResourceAsStream("/dev/graphfleet/repo/engine.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return "Kùzu " + p.getProperty("engine.version", "unknown") + " (com.kuzudb:kuzu)";
        }
    }

    private static String grep(Path file, String key) throws IOException {
        if (!Files.isReadable(file)) {
            return "unknown";
        }
        return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst()
                .map(l -> l.substring(key.length()).replaceFirst("^\\s*[:=]?\\s*", "")).orElse("unknown");
    }
}
