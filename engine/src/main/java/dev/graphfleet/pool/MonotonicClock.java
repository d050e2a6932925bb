package dev.graphfleet.pool;

/** Time for lifetimes and waits; tests inject a manual clock instead of sleeping. */
@FunctionalInterface
public interface MonotonicClock {

    MonotonicClock SYSTEM = System::nanoTime;

    long nanoTime();
}
