package dev.graphfleet.console.viewmodel;

import dev.graphfleet.console.service.ConsoleState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A view that follows the refreshes on its own and can be paused: while paused it keeps the last
 * picture still (to read or compare it) and remembers the newest refresh, which it shows on resume.
 * A view that is not on screen (inactive) also only remembers, and catches up when shown.
 *
 * <p>A refresh comes in two steps. {@link #prepare} does everything that grows with the fleet — every
 * row's figures and texts, the order, the headline — on the thread that read the fleet (the poller's),
 * never on the FX thread; it sees every refresh (histories) and keeps its own memory, so calls must not
 * overlap (the poller makes one at a time; it is synchronized anyway for tests applying on the FX thread).
 * {@link #apply(Object)} then runs on the FX thread and only copies what changed into the rows.
 *
 * @param <F> one refresh as prepared for this view: immutable
 */
public abstract class LiveViewModel<F> {

    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused", false);
    private F latest;
    private F shown;
    private boolean active = true;

    protected LiveViewModel() {
        paused.addListener((obs, was, now) -> catchUp());
    }

    /** Both steps at once on the FX thread: for tests and callers that have no thread of their own. */
    public final void apply(ConsoleState state) {
        apply(prepareRefresh(state));
    }

    /** Step one, off the FX thread: this view's part of one refresh. */
    public final synchronized F prepareRefresh(ConsoleState state) {
        return prepare(state);
    }

    /** Step two, on the FX thread: shown now unless paused or off screen. */
    public final void apply(F frame) {
        latest = frame;
        if (!paused.get() && active) {
            show(frame);
        }
    }

    /** On screen or not; a view coming on screen shows the newest refresh at once. */
    public final void setActive(boolean onScreen) {
        active = onScreen;
        catchUp();
    }

    private void catchUp() {
        if (active && !paused.get() && latest != null && latest != shown) {
            show(latest);
        }
    }

    private void show(F frame) {
        shown = frame;
        update(frame);
    }

    /**
     * Everything about {@code state} that takes work per instance, as one immutable value; not on the FX
     * thread, touches no property. Sees every refresh, shown or not (paused, off screen).
     */
    protected abstract F prepare(ConsoleState state);

    /** On the FX thread: copies what changed in {@code frame} into this view-model's properties and rows. */
    protected abstract void update(F frame);

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
