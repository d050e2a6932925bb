package dev.graphfleet.bench.pool;

import dev.graphfleet.graph.GraphConnection;
import dev.graphfleet.graph.GraphDatabase;
import java.time.Duration;
import org.apache.commons.pool2.BaseKeyedPooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericKeyedObjectPool;
import org.apache.commons.pool2.impl.GenericKeyedObjectPoolConfig;

/**
 * The second baseline: a commons-pool2 keyed pool (key = database) configured like ours: at most
 * {@code max} connections per database, all of them kept idle, LIFO, callers wait up to 10 s when
 * exhausted, no validation on borrow or return and no evictor thread (our benchmark pool runs its
 * maintenance by hand, so neither pays for a background sweep), no JMX.
 */
public final class CommonsKeyedPool implements AutoCloseable {

    private final GenericKeyedObjectPool<String, GraphConnection> pool;

    public CommonsKeyedPool(GraphDatabase database, int max) {
        GenericKeyedObjectPoolConfig<GraphConnection> config = new GenericKeyedObjectPoolConfig<>();
        config.setMaxTotalPerKey(max);
        config.setMaxIdlePerKey(max);
        config.setMaxTotal(-1);
        config.setLifo(true);
        config.setBlockWhenExhausted(true);
        config.setMaxWait(Duration.ofSeconds(10));
        config.setTestOnBorrow(false);
        config.setTestOnReturn(false);
        config.setTestWhileIdle(false);
        config.setTimeBetweenEvictionRuns(Duration.ofMillis(-1));
        config.setJmxEnabled(false);
        pool = new GenericKeyedObjectPool<>(new BaseKeyedPooledObjectFactory<>() {
            @Override
            public GraphConnection create(String key) {
                return database.connect(GraphFixture.CONNECTION);
            }

            @Override
            public PooledObject<GraphConnection> wrap(GraphConnection connection) {
                return new DefaultPooledObject<>(connection);
            }

            @Override
            public void destroyObject(String key, PooledObject<GraphConnection> p) {
                p.getObject().close();
            }
        }, config);
    }

    public GraphConnection borrow(String key) throws Exception {
        return pool.borrowObject(key);
    }

    public void giveBack(String key, GraphConnection connection) {
        pool.returnObject(key, connection);
    }

    @Override
    public void close() {
        pool.close();
    }
}
