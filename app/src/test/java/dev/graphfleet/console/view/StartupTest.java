package dev.graphfleet.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.ConsoleConfig;
import dev.graphfleet.console.SourceStarter;
import dev.graphfleet.console.service.NodeDetailReader;
import dev.graphfleet.console.testing.ConsoleHarness;
import dev.graphfleet.console.testing.LocalConsole;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import dev.graphfleet.local.LocalFleet;
import dev.graphfleet.local.LocalFleetSource;
import dev.graphfleet.local.SampleSizes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window comes first: the console shows a splash with the local fleet's own progress lines while a
 * real local fleet starts (generating its repositories), then becomes the console on that fleet.
 */
class StartupTest {

    private static final SampleSizes TINY = new SampleSizes(5, 2, 3, 10, 4);

    @TempDir
    Path dir;

    private ConsoleHarness console;

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close(); // closes the local fleet it started
        }
    }

    @Test
    void theSplashShowsTheFleetsProgressThenTheConsoleTakesOver() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        SourceStarter starter = progress -> {
            LocalFleet fleet = LocalFleet.start(new LocalFleet.Options(dir, 1, TINY), LocalConsole.NODE_COMMAND, line -> {
                seen.add(line);
                progress.accept(line);
            });
            started.countDown();
            proceed.await(); // the test looks at the splash first
            ProbeOptions probe = new ProbeOptions(ConsoleHarness.NODE_TIMEOUT, ProbeOptions.DEFAULT_PARALLELISM, null);
            return new SourceStarter.Started(new ConsoleConfig(LocalFleetSource.of(fleet, probe),
                    NodeDetailReader.create(ConsoleHarness.NODE_TIMEOUT, null), Duration.ofSeconds(1), false, dir),
                    fleet);
        };
        console = ConsoleHarness.show(ConsoleConfig.starting(starter, Duration.ofSeconds(1), false, dir, null), List.of());

        // show() returned with the window up and the fleet not started yet: the splash is on screen
        assertThat(console.scene().getRoot()).isInstanceOf(StartingView.class);
        assertThat(console.find("#starting-title", Label.class).getText()).isEqualTo("Starting the local fleet…");
        WaitForAsyncUtils.asyncFx(() -> console.assembly().start()).get(5, TimeUnit.SECONDS);
        assertThat(started.await(90, TimeUnit.SECONDS)).as("the local fleet started").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(console.scene().getRoot()).isInstanceOf(StartingView.class);
        assertThat(console.find("#starting-steps", VBox.class).getChildren()).map(n -> ((Label) n).getText())
                .anyMatch(s -> s.startsWith("generating sample repository sec"))
                .anyMatch(s -> s.startsWith("replica-1 attached"));
        console.screenshot("startup-splash");
        proceed.countDown();

        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> console.scene().getRoot().lookup("#console") != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(seen).anyMatch(s -> s.startsWith("writer-1 serving"))
                .anyMatch(s -> s.startsWith("replica-1 attached"));
        assertThat(console.assembly().startup().steps()).containsAll(seen.subList(Math.max(0, seen.size() - 14),
                seen.size()));
        assertThat(console.assembly().title()).isEqualTo("Graphfleet console — nodes(3)");
        console.openTab("fleet"); // only the view on screen takes each refresh
        console.refresh();
        assertThat(console.model().fleet().instances()).hasSize(3);
        console.screenshot("startup-console");
    }

    @Test
    void aFleetThatCannotStartSaysWhyOnTheSplash() throws Exception {
        SourceStarter starter = progress -> {
            progress.accept("creating customer database customer_a");
            throw new IllegalStateException("cannot create " + dir.resolve("writer-1") + ": disk full");
        };
        console = ConsoleHarness.show(ConsoleConfig.starting(starter, Duration.ofSeconds(1), false, dir, null), List.of());
        WaitForAsyncUtils.asyncFx(() -> console.assembly().start()).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> console.assembly().startup().failedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        Label error = console.find("#starting-error", Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).startsWith("The local fleet did not start: cannot create ")
                .contains("disk full", "./graphfleet local");
        assertThat(console.find("#starting-steps", VBox.class).getChildren()).hasSize(1);
        assertThat(console.scene().getRoot()).isInstanceOf(StartingView.class);
        console.screenshot("startup-failed");
    }
}
