package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ChangeListener;
import org.junit.jupiter.api.Test;

/** A row's columns read the texts shown now, fire only while listened to, and only when their value changed. */
class RowValuesTest {

    private record Texts(String version, String phase) {
    }

    private final RowValues<Texts> row = new RowValues<>(this);
    private final ReadOnlyObjectProperty<String> version = row.column("version", Texts::version);
    private final List<String> seen = new ArrayList<>();

    @Test
    void aColumnAskedForAgainIsTheSameObject() {
        assertThat(row.column("version", Texts::version)).isSameAs(version);
        assertThat(row.column("phase", Texts::phase)).isNotSameAs(version);
    }

    @Test
    void aColumnNobodyListensToStillReadsTheTextsShownNow() {
        row.show(new Texts("v1", "attached"));
        row.show(new Texts("v2", "attached"));

        assertThat(version.get()).isEqualTo("v2");
    }

    @Test
    void aVersionMovingAndBackIsSeenEachTime() {
        row.show(new Texts("v1", "attached"));
        version.addListener((obs, was, now) -> seen.add(was + "→" + now));

        row.show(new Texts("v2", "attached"));
        row.show(new Texts("v2", "downloading")); // another column changed: nothing for this one
        row.show(new Texts("v1", "attached"));

        assertThat(seen).containsExactly("v1→v2", "v2→v1");
        assertThat(version.get()).isEqualTo("v1");
    }

    @Test
    void aCellThatLeftTheRowIsNoLongerTold() {
        row.show(new Texts("v1", "attached"));
        InvalidationListener cell = o -> seen.add("invalidated");
        version.addListener(cell);
        version.addListener(cell); // added twice, as the base class allows: removed once, still told once

        row.show(new Texts("v2", "attached"));
        version.removeListener(cell);
        row.show(new Texts("v3", "attached"));
        version.removeListener(cell);
        version.removeListener(cell); // one too many: must not make it forget a listener added later
        ChangeListener<String> later = (obs, was, now) -> seen.add(now);
        version.addListener(later);
        row.show(new Texts("v4", "attached"));

        assertThat(seen).containsExactly("invalidated", "invalidated", "invalidated", "v4");
    }
}
