package dev.graphfleet.console.testing;

import dev.graphfleet.console.viewmodel.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A ticker the test advances: {@link #tick} runs every running callback once. Use on the FX thread. */
public final class ManualTicker implements Ticker {

    private final List<Runnable> running = new ArrayList<>();

    @Override
    public Runnable every(Duration period, Runnable tick) {
        running.add(tick);
        return () -> running.remove(tick);
    }

    public void tick() {
        List.copyOf(running).forEach(Runnable::run);
    }

    public int running() {
        return running.size();
    }
}
