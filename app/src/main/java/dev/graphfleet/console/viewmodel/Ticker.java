package dev.graphfleet.console.viewmodel;

import java.time.Duration;

/**
 * Calls back on the FX thread every {@code period} until cancelled. The app ticks with an FX
 * timeline; tests tick by hand, so a countdown is tested without waiting.
 */
public interface Ticker {

    /** Starts ticking; returns what stops it. */
    Runnable every(Duration period, Runnable tick);
}
