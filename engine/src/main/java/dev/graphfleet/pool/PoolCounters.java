package dev.graphfleet.pool;

import java.util.concurrent.atomic.LongAdder;

/** Pool-wide event counts; LongAdders so counting never contends on the borrow path. */
final class PoolCounters {
    final LongAdder created = new LongAdder();
    final LongAdder reused = new LongAdder();
    final LongAdder closed = new LongAdder();
    final LongAdder waits = new LongAdder();
    final LongAdder waitNanos = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder healthChecks = new LongAdder();
    final LongAdder healthFailures = new LongAdder();
    final LongAdder leaks = new LongAdder();
    final LongAdder databasesOpened = new LongAdder();
    final LongAdder databasesClosed = new LongAdder();
}
