package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.viewmodel.Navigation.Place;
import org.junit.jupiter.api.Test;

class NavigationTest {

    @Test
    void backAndForwardLikeABrowser() {
        Navigation nav = new Navigation(Place.of(ConsoleSection.FLEET));
        assertThat(nav.canGoBackProperty().get()).isFalse();
        nav.visit(Place.of(ConsoleSection.VOLUMES));
        nav.visit(new Place(ConsoleSection.FLEET, "replica-1"));
        nav.back();
        assertThat(nav.currentProperty().get()).isEqualTo(Place.of(ConsoleSection.VOLUMES));
        nav.back();
        assertThat(nav.currentProperty().get()).isEqualTo(Place.of(ConsoleSection.FLEET));
        assertThat(nav.canGoBackProperty().get()).isFalse();
        nav.back(); // nothing more: stays
        assertThat(nav.currentProperty().get()).isEqualTo(Place.of(ConsoleSection.FLEET));
        nav.forward();
        nav.forward();
        assertThat(nav.currentProperty().get()).isEqualTo(new Place(ConsoleSection.FLEET, "replica-1"));
        assertThat(nav.canGoForwardProperty().get()).isFalse();
    }

    @Test
    void aNewVisitClearsForwardAndTheSamePlaceIsNoVisit() {
        Navigation nav = new Navigation(Place.of(ConsoleSection.FLEET));
        nav.visit(Place.of(ConsoleSection.VOLUMES));
        nav.back();
        nav.visit(Place.of(ConsoleSection.CONNECTIONS));
        assertThat(nav.canGoForwardProperty().get()).isFalse();
        nav.visit(Place.of(ConsoleSection.CONNECTIONS));
        nav.back();
        assertThat(nav.currentProperty().get()).isEqualTo(Place.of(ConsoleSection.FLEET));
    }

    @Test
    void historyIsBounded() {
        Navigation nav = new Navigation(Place.of(ConsoleSection.FLEET));
        for (int i = 0; i < Navigation.LIMIT + 10; i++) {
            nav.visit(new Place(ConsoleSection.FLEET, "n" + i));
        }
        int back = 0;
        while (nav.canGoBackProperty().get()) {
            nav.back();
            back++;
        }
        assertThat(back).isEqualTo(Navigation.LIMIT);
    }
}
