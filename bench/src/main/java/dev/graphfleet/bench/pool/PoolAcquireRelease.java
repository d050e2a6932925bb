package dev.graphfleet.bench.pool;

import dev.graphfleet.graph.GraphConnection;
import dev.graphfleet.graph.GraphDatabase;
import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.PooledConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH: one acquire+release of a connection (no query), our pool against commons-pool2 configured
 * alike. Run by {@link PoolJmhBench} with 1 thread (uncontended) and with {@link #CONTENDED_THREADS}
 * threads sharing one database's pool of as many connections (contended on the pool, never exhausted).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PoolAcquireRelease {

    static final int CONTENDED_THREADS = 4;

    @Param({"graphfleet", "commons-pool2"})
    public String pool;

    private GraphPool ours;
    private GraphDatabase database;
    private CommonsKeyedPool commons;

    @Setup(Level.Trial)
    public void open() throws Exception {
        Path dir = Files.createTempDirectory("bench-jmh-pool");
        GraphFixture fixture = new GraphFixture(GraphEngines.load(), dir, 1_000).seed();
        if (pool.equals("graphfleet")) {
            ours = fixture.pool(CONTENDED_THREADS);
            ours.query(GraphFixture.DATABASE, "RETURN 1"); // opens the Database and one connection
        } else {
            database = fixture.database();
            commons = new CommonsKeyedPool(database, CONTENDED_THREADS);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        if (ours != null) {
            ours.close();
        }
        if (commons != null) {
            commons.close();
            database.close();
        }
    }

    @Benchmark
    public Object acquireRelease() throws Exception {
        if (ours != null) {
            PooledConnection c = ours.borrow(GraphFixture.DATABASE);
            c.close();
            return c;
        }
        GraphConnection c = commons.borrow(GraphFixture.DATABASE);
        commons.giveBack(GraphFixture.DATABASE, c);
        return c;
    }
}
