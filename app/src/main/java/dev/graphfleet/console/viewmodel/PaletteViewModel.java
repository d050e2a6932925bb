package dev.graphfleet.console.viewmodel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The {@code :} command palette: views, actions and commands in one list, filtered fuzzily as one
 * types, Enter runs the selected one. The entries are gathered each time it opens.
 */
public final class PaletteViewModel {

    /** One thing the palette can do; a disabled one says why instead of running. */
    public record Entry(String category, String label, String disabledReason, Runnable run) {
        public Entry {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(run, "run");
        }

        public boolean enabled() {
            return disabledReason == null;
        }

        public String text() {
            return category + ": " + label;
        }
    }

    private final Supplier<List<Entry>> entries;
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<Entry> matches = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", 0);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private List<Entry> all = List.of();

    public PaletteViewModel(Supplier<List<Entry>> entries) {
        this.entries = Objects.requireNonNull(entries, "entries");
        query.addListener((obs, was, now) -> refilter());
    }

    public void open() {
        all = List.copyOf(entries.get());
        message.set("");
        if (query.get().isEmpty()) {
            refilter();
        } else {
            query.set("");
        }
        shown.set(true);
    }

    public void close() {
        shown.set(false);
    }

    private void refilter() {
        String q = query.get() == null ? "" : query.get().trim();
        record Scored(Entry entry, int score, int order) {
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            int s = Fuzzy.score(q, all.get(i).text());
            if (s >= 0) {
                scored.add(new Scored(all.get(i), s, i));
            }
        }
        if (!q.isEmpty()) {
            scored.sort(Comparator.comparingInt((Scored s) -> -s.score()).thenComparingInt(Scored::order));
        }
        matches.setAll(scored.stream().map(Scored::entry).toList());
        selected.set(0);
    }

    /** Moves the selection by {@code delta}, staying in the list. */
    public void move(int delta) {
        if (!matches.isEmpty()) {
            selected.set(Math.max(0, Math.min(matches.size() - 1, selected.get() + delta)));
        }
    }

    /** Runs the selected entry and closes; a disabled one stays open and says why. */
    public void runSelected() {
        if (selected.get() < 0 || selected.get() >= matches.size()) {
            return;
        }
        run(matches.get(selected.get()));
    }

    public void run(Entry entry) {
        if (!entry.enabled()) {
            message.set(entry.label() + ": " + entry.disabledReason());
            return;
        }
        close();
        entry.run().run();
    }

    public BooleanProperty shownProperty() {
        return shown;
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** The entries the query lets through, best first. */
    public ObservableList<Entry> matches() {
        return matches;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** Why the chosen entry did not run; empty otherwise. */
    public StringProperty messageProperty() {
        return message;
    }
}
