package dev.graphfleet.console.viewmodel;

import dev.graphfleet.console.service.ConsoleState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A view that follows the refreshes on its own and can be paused: while paused it keeps the last
 * picture still (to read or compare it) and remembers the newest state, which it shows on resume.
 * A view that is not on screen (inactive) also only remembers, and catches up when shown: the FX
 * thread diffs one view per refresh, not all of them. All methods run on the FX thread.
 */
public abstract class LiveViewModel {

    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused", false);
    private ConsoleState latest;
    private ConsoleState shown;
    private boolean active = true;

    protected LiveViewModel() {
        paused.addListener((obs, was, now) -> catchUp());
    }

    /** Takes a refresh: shown now unless paused or off screen. */
    public final void apply(ConsoleState state) {
        observe(state);
        latest = state;
        if (!paused.get() && active) {
            show(state);
        }
    }

    /** On screen or not; a view coming on screen shows the newest state at once. */
    public final void setActive(boolean onScreen) {
        active = onScreen;
        catchUp();
    }

    private void catchUp() {
        if (active && !paused.get() && latest != null && latest != shown) {
            show(latest);
        }
    }

    private void show(ConsoleState state) {
        shown = state;
        update(state);
    }

    /**
     * Sees every refresh, shown or not (paused, off screen): for what must not miss one, such as a
     * history. Keep it cheap; the default does nothing.
     */
    protected void observe(ConsoleState state) {
    }

    /** Copies what changed from {@code state} into this view-model's properties and rows. */
    protected abstract void update(ConsoleState state);

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public boolean isPaused() {
        return paused.get();
    }

    public void setPaused(boolean value) {
        paused.set(value);
    }
}
