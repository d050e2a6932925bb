package dev.graphfleet.console.viewmodel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Back and forward through the places one visited (views, and a node drilled into), like a
 * browser: visiting a new place clears the forward list. At most {@value #LIMIT} places back.
 */
public final class Navigation {

    static final int LIMIT = 50;

    /** A view, or one node's drill-down in a view ({@code instanceId} null for the view itself). */
    public record Place(ConsoleSection section, String instanceId) {
        public Place {
            Objects.requireNonNull(section, "section");
        }

        public static Place of(ConsoleSection section) {
            return new Place(section, null);
        }
    }

    private final Deque<Place> back = new ArrayDeque<>();
    private final Deque<Place> forward = new ArrayDeque<>();
    private final ObjectProperty<Place> current;
    private final BooleanProperty canGoBack = new SimpleBooleanProperty(this, "canGoBack");
    private final BooleanProperty canGoForward = new SimpleBooleanProperty(this, "canGoForward");

    public Navigation(Place start) {
        current = new SimpleObjectProperty<>(this, "current", Objects.requireNonNull(start, "start"));
    }

    /** Goes to {@code place} (nothing when already there). */
    public void visit(Place place) {
        if (place.equals(current.get())) {
            return;
        }
        back.push(current.get());
        if (back.size() > LIMIT) {
            back.removeLast();
        }
        forward.clear();
        current.set(place);
        update();
    }

    public void back() {
        if (!back.isEmpty()) {
            forward.push(current.get());
            current.set(back.pop());
            update();
        }
    }

    public void forward() {
        if (!forward.isEmpty()) {
            back.push(current.get());
            current.set(forward.pop());
            update();
        }
    }

    private void update() {
        canGoBack.set(!back.isEmpty());
        canGoForward.set(!forward.isEmpty());
    }

    public ObjectProperty<Place> currentProperty() {
        return current;
    }

    public BooleanProperty canGoBackProperty() {
        return canGoBack;
    }

    public BooleanProperty canGoForwardProperty() {
        return canGoForward;
    }
}
