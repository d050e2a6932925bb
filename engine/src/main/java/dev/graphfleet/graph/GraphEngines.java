package dev.graphfleet.graph;

import java.util.ServiceLoader;

/**
 * Finds the engine: the first {@link GraphEngine} registered through {@link ServiceLoader}. The
 * engine module registers Kùzu; a LadybugDB module on the classpath would register itself instead.
 */
public final class GraphEngines {

    private GraphEngines() {
    }

    public static GraphEngine load() {
        return Holder.ENGINE;
    }

    private static final class Holder {
        static final GraphEngine ENGINE = ServiceLoader.load(GraphEngine.class).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no graph engine on the classpath (META-INF/services/" + GraphEngine.class.getName() + ")"));
    }
}
