package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyProperty;
import org.junit.jupiter.api.Test;

/** A refresh formats and fires only what changed in a connection pool's row. */
class ConnectionRowTest {

    private final ConnectionRow row = new ConnectionRow("writer-1/a");
    private final List<String> fired = new ArrayList<>();

    private void watchEveryProperty() {
        List<ReadOnlyProperty<?>> all = List.of(row.nodeProperty(), row.databaseProperty(), row.inUseProperty(),
                row.idleProperty(), row.maxProperty(), row.utilisationProperty(), row.utilisationTextProperty(),
                row.waitsProperty(), row.timeoutsProperty(), row.levelProperty(), row.timeoutsLevelProperty(),
                row.gaugeProperty());
        all.forEach(p -> p.addListener((Observable o) -> fired.add(p.getName())));
        all.forEach(ReadOnlyProperty::getValue); // valid again: each later change fires
    }

    @Test
    void theSameFiguresAgainFireNothing() {
        row.update(new ConnectionRow.Figures("writer-1", "a", 3, 2, 10, 4, 0));
        watchEveryProperty();

        row.update(new ConnectionRow.Figures("writer-1", "a", 3, 2, 10, 4, 0));

        assertThat(fired).isEmpty();
    }

    @Test
    void aNewWaitCountChangesOnlyTheWaits() {
        row.update(new ConnectionRow.Figures("writer-1", "a", 3, 2, 10, 4, 0));
        watchEveryProperty();

        row.update(new ConnectionRow.Figures("writer-1", "a", 3, 2, 10, 5, 0));

        assertThat(fired).containsExactly("waits");
        assertThat(row.waitsProperty().get()).isEqualTo("5 waits");
    }

    @Test
    void aFullPoolChangesItsCountsLevelAndGauge() {
        row.update(new ConnectionRow.Figures("writer-1", "a", 3, 2, 10, 4, 0));

        row.update(new ConnectionRow.Figures("writer-1", "a", 10, 0, 10, 4, 0));

        assertThat(row.levelProperty().get()).isEqualTo("exhausted");
        assertThat(row.gaugeProperty().get().text()).isEqualTo("10 of 10 in use (100 %)");
        assertThat(row.idleProperty().get()).isEqualTo("0");
    }

    @Test
    void figuresAfterAnOutageAreShownInFull() {
        row.update(new ConnectionRow.Figures("writer-1", "a", 3, 2, 10, 4, 0));
        row.updateUnavailable("writer-1", "a", "unreachable");
        assertThat(row.databaseProperty().get()).isEqualTo("a — no figures: unreachable");
        assertThat(row.waitsProperty().get()).isEqualTo("—");

        row.update(new ConnectionRow.Figures("writer-1", "a", 3, 2, 10, 4, 0));

        assertThat(row.databaseProperty().get()).isEqualTo("a");
        assertThat(row.inUseProperty().get()).isEqualTo("3");
        assertThat(row.waitsProperty().get()).isEqualTo("4 waits");
        assertThat(row.levelProperty().get()).isEqualTo("ok");
        assertThat(row.gaugeProperty().get()).isNotNull();
    }
}
