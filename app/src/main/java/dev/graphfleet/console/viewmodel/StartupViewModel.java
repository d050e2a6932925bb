package dev.graphfleet.console.viewmodel;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The splash while a source starts: what it is doing (one line per step), and why it failed if it did. */
public final class StartupViewModel {

    /** Lines kept on screen: the newest steps matter. */
    static final int KEPT = 14;

    private final StringProperty title = new SimpleStringProperty(this, "title");
    private final ObservableList<String> steps = FXCollections.observableArrayList();
    private final BooleanProperty failed = new SimpleBooleanProperty(this, "failed");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");

    public StartupViewModel(String title) {
        this.title.set(title);
    }

    /** One more step (FX thread). */
    public void step(String line) {
        steps.add(line);
        if (steps.size() > KEPT) {
            steps.remove(0, steps.size() - KEPT);
        }
    }

    /** The start failed: the window stays, saying why and what to do. */
    public void fail(String why) {
        error.set(why);
        failed.set(true);
    }

    public StringProperty titleProperty() {
        return title;
    }

    public ObservableList<String> steps() {
        return steps;
    }

    public BooleanProperty failedProperty() {
        return failed;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
