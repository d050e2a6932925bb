package dev.graphfleet.console.viewmodel;

import dev.graphfleet.console.service.ConsoleState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A view that follows the refreshes on its own and can be paused: while paused it keeps the last
 * picture still (to read or compare it) and remembers the newest state, which it shows on resume.
 * All methods run on the FX thread.
 */
public abstract class LiveViewModel {

    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused", false);
    private ConsoleState latest;
    private ConsoleState shown;

    protected LiveViewModel() {
        paused.addListener((obs, was, now) -> {
            if (!now && latest != null && latest != shown) {
                show(latest);
            }
        });
    }

    /** Takes a refresh: shown now unless paused. */
    public final void apply(ConsoleState state) {
        latest = state;
        if (!paused.get()) {
            show(state);
        }
    }

    private void show(ConsoleState state) {
        shown = state;
        update(state);
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
