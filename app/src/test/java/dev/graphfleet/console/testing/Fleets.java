package dev.graphfleet.console.testing;

import static dev.graphfleet.console.testing.NodeDocument.gib;

import java.util.LinkedHashMap;
import java.util.Map;

/** The node documents of the test fleets: a writer, a shared master and two shared replicas. */
public final class Fleets {

    private Fleets() {
    }

    public static NodeDocument writer() {
        return NodeDocument.recorded("writer-1", "writer").ram(16)
                .volume(500, 210, "/mnt/lbug-data")
                .bufferPool(gib(12), ordered("customer_a", gib(2), "customer_b", gib(2), "customer_c", gib(2)), gib(2.4))
                .pools(Map.of("customer_a", new int[]{1, 2, 10}, "customer_b", new int[]{0, 3, 10},
                        "customer_c", new int[]{2, 1, 10}), 0, 0);
    }

    public static NodeDocument master() {
        return NodeDocument.recorded("master-1", "shared_master").ram(32)
                .volume(1000, 610, "/mnt/lbug-data")
                .bufferPool(gib(28), ordered("sec", gib(28)), gib(9.5))
                .pools(Map.of("sec", new int[]{12, 30, 100}), 0, 0)
                .attachment("sec", "attached", 4_000_000_000L, 4_000_000_000L, 1, null);
    }

    public static NodeDocument replica(String id) {
        return NodeDocument.recorded(id, "shared_replica").ram(8)
                .volume(500, 180, "/mnt/lbug-data")
                .bufferPool(gib(5), ordered("sec", gib(5)), gib(3.1))
                .pools(Map.of("sec", new int[]{3, 5, 100}), 0, 0)
                .attachment("sec", "attached", 4_000_000_000L, 4_000_000_000L, 1, null);
    }

    private static Map<String, Long> ordered(Object... pairs) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (Long) pairs[i + 1]);
        }
        return out;
    }

    public static Map<String, Long> pools(Object... pairs) {
        return ordered(pairs);
    }
}
