package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The splash while a source starts. */
class StartupViewModelTest {

    @Test
    void keepsTheNewestStepsAndSaysWhyItFailed() {
        StartupViewModel startup = new StartupViewModel("Starting the local fleet");
        for (int i = 1; i <= StartupViewModel.KEPT + 2; i++) {
            startup.step("step " + i);
        }
        assertThat(startup.titleProperty().get()).isEqualTo("Starting the local fleet");
        assertThat(startup.steps()).hasSize(StartupViewModel.KEPT).startsWith("step 3").endsWith("step 16");
        assertThat(startup.failedProperty().get()).isFalse();

        startup.fail("port 8001 is in use");
        assertThat(startup.failedProperty().get()).isTrue();
        assertThat(startup.errorProperty().get()).isEqualTo("port 8001 is in use");
    }
}
