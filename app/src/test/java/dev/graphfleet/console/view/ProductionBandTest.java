package dev.graphfleet.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.ConsoleConfig;
import dev.graphfleet.console.testing.ConsoleHarness;
import dev.graphfleet.console.testing.Goldens;
import dev.graphfleet.console.testing.NodeServer;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code console --aws --env prod} on the real AWS source: the window is red, says PRODUCTION, starts read-only. */
class ProductionBandTest {

    private String accessKey;
    private String secretKey;

    @BeforeEach
    void credentials() {
        accessKey = System.setProperty("aws.accessKeyId", "AKIDCONSOLETEST");
        secretKey = System.setProperty("aws.secretAccessKey", "console-test-secret");
    }

    @AfterEach
    void restore() {
        restore("aws.accessKeyId", accessKey);
        restore("aws.secretAccessKey", secretKey);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void productionIsRedAndReadOnly() throws Exception {
        ConsoleConfig config = ConsoleOptionsAccess.parse("--aws", "--env", "prod", "--region", "us-east-1",
                "--endpoint", NodeServer.deadUrl().toString(), "--timeout-s", "2");
        try (ConsoleHarness console = ConsoleHarness.show(config, List.of())) {
            console.refresh();

            HBox band = console.find("#environment-band", HBox.class);
            assertThat(band.getStyleClass()).contains("env-production");
            assertThat(console.find("#environment-label", Label.class).getText()).isEqualTo("PRODUCTION · AWS · prod");
            assertThat(console.find("#read-only-note", Label.class).isVisible()).isTrue();
            assertThat(console.find("#actions-menu", MenuButton.class).isDisabled()).isTrue();
            var png = console.screenshot("band-production");
            int rgb = png.getRGB(4, 4); // the band's top-left corner
            assertThat(rgb >> 16 & 0xff).as("red").isGreaterThan(140);
            assertThat(rgb >> 8 & 0xff).as("green").isLessThan(60);
            // The band and header only: the banner below names the dead endpoint's port, which differs per run.
            Goldens.assertMatches(png.getSubimage(0, 0, png.getWidth(), 118), "band-production");
        }
    }

    @Test
    void aStagingEnvironmentIsAmberNotRed() throws Exception {
        ConsoleConfig config = ConsoleOptionsAccess.parse("--aws", "--env", "staging", "--region", "us-east-1",
                "--endpoint", NodeServer.deadUrl().toString(), "--timeout-s", "2");
        try (ConsoleHarness console = ConsoleHarness.show(config, List.of())) {
            assertThat(console.find("#environment-band", HBox.class).getStyleClass()).contains("env-aws")
                    .doesNotContain("env-production");
            assertThat(console.find("#environment-label", Label.class).getText()).isEqualTo("AWS · staging");
            assertThat(console.find("#read-only-note", Label.class).isVisible()).isTrue();
        }
    }
}
