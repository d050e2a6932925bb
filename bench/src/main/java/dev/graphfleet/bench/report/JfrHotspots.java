package dev.graphfleet.bench.report;

import dev.graphfleet.bench.results.Hotspot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a benchmark's JVM spent its time, from the JFR recording the harness takes of every run:
 * the hottest top frames (what burns CPU) and the hottest Graphfleet frames (whose code asked for it).
 * Samples of threads in native code (the graph engine) count as their Java caller's.
 */
public final class JfrHotspots {

    private static final int TOP = 8;

    private JfrHotspots() {
    }

    /** A thread's name is one of {@code threads}, or starts with one that ends in {@code *}. */
    private static boolean named(java.util.Set<String> threads, String name) {
        return name != null && threads.stream().anyMatch(t -> t.endsWith("*")
                ? name.startsWith(t.substring(0, t.length() - 1)) : t.equals(name));
    }

    /** Hotspots of the threads named {@code threads} (all threads when empty; {@code prefix*} names a family). */
    public static List<Hotspot> of(Path recording, java.util.Set<String> threads) throws IOException {
        if (!Files.isRegularFile(recording)) {
            return List.of();
        }
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        Map<String, Integer> areas = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            if (!type.equals("jdk.ExecutionSample") && !type.equals("jdk.NativeMethodSample")) {
                continue;
            }
            var thread = event.getThread("sampledThread");
            if (!threads.isEmpty() && (thread == null || !named(threads, thread.getJavaName()))) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            // Threads in native code are mostly blocked in a system call (poll, read, wait): only the graph
            // engine's native calls are work. Parked or sleeping Java threads are waiting, not working.
            boolean nativeSample = type.equals("jdk.NativeMethodSample");
            if (nativeSample ? !isGraphEngine(stack.getFrames().get(0)) : isIdle(stack.getFrames().get(0))) {
                continue;
            }
            samples++;
            String prefix = nativeSample ? "[native] " : "";
            top.merge(prefix + name(stack.getFrames().get(0)), 1, Integer::sum);
            areas.merge(area(stack.getFrames().get(0)), 1, Integer::sum);
            for (RecordedFrame frame : stack.getFrames()) {
                String owner = frame.getMethod().getType().getName();
                if (owner.startsWith("dev.graphfleet.") && !owner.startsWith("dev.graphfleet.bench.")) {
                    ours.merge(name(frame), 1, Integer::sum);
                    break;
                }
            }
        }
        List<Hotspot> found = new ArrayList<>(rank(areas, samples, "area"));
        found.addAll(rank(top, samples, "top frame"));
        found.addAll(rank(ours, samples, "graphfleet frame"));
        return found;
    }

    /** Whose code burned the sample: the graph engine, ours, JavaFX, the JDK, or a library. */
    private static String area(RecordedFrame top) {
        String owner = top.getMethod().getType().getName();
        if (owner.startsWith("com.kuzudb.")) {
            return "graph engine (native)";
        }
        if (owner.startsWith("dev.graphfleet.bench.")) {
            return "benchmark harness";
        }
        if (owner.startsWith("dev.graphfleet.")) {
            return "Graphfleet";
        }
        if (owner.startsWith("javafx.") || owner.startsWith("com.sun.javafx.") || owner.startsWith("com.sun.prism.")
                || owner.startsWith("com.sun.glass.") || owner.startsWith("com.sun.scenario.")) {
            return "JavaFX";
        }
        if (owner.startsWith("java.") || owner.startsWith("jdk.") || owner.startsWith("sun.")) {
            return "JDK";
        }
        return "libraries";
    }

    private static boolean isGraphEngine(RecordedFrame frame) {
        return frame.getMethod().getType().getName().startsWith("com.kuzudb.");
    }

    private static boolean isIdle(RecordedFrame frame) {
        String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
        return method.contains("epollWait") || method.contains("accept") || method.endsWith(".poll")
                || method.contains("Thread.sleep") || method.contains("Unsafe.park") || method.contains("socketRead")
                || method.contains("Object.wait");
    }

    private static List<Hotspot> rank(Map<String, Integer> counts, int total, String kind) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(TOP)
                .map(e -> new Hotspot(e.getKey(), total == 0 ? 0 : e.getValue() / (double) total, kind))
                .toList();
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }
}
