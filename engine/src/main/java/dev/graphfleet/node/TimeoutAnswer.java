package dev.graphfleet.node;

import io.undertow.server.HttpServerExchange;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * The 408 of a query whose deadline came while its own thread was still in the engine. The reaper
 * calls {@link #run()} at the deadline; the answer is written on a worker, so a client slow to read
 * it never holds up the reaper. The query's thread, once the engine lets it go, waits until the
 * answer is out ({@link #awaitAnswered()}) and then leaves the exchange alone: two threads never
 * write to one exchange at once.
 */
final class TimeoutAnswer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(TimeoutAnswer.class);

    private final HttpServerExchange exchange;
    private final Runnable answer;
    private final CountDownLatch answered = new CountDownLatch(1);

    /** @param answer writes the 408 and counts it; runs at most once, on a worker thread */
    TimeoutAnswer(HttpServerExchange exchange, Runnable answer) {
        this.exchange = exchange;
        this.answer = answer;
    }

    @Override
    public void run() {
        try {
            exchange.getConnection().getWorker().execute(this::answer);
        } catch (RejectedExecutionException e) { // the node is stopping: nobody is left to answer
            IoUtils.safeClose(exchange.getConnection());
            answered.countDown();
        }
    }

    private void answer() {
        try {
            answer.run();
        } catch (RuntimeException e) {
            log.debug("answering a query past its deadline failed: {}", e.toString());
            IoUtils.safeClose(exchange.getConnection());
        } finally {
            answered.countDown();
        }
    }

    /** Returns once the 408 is written (or its connection closed); bounded by the client cut-off. */
    void awaitAnswered() {
        boolean interrupted = false;
        while (true) {
            try {
                answered.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
