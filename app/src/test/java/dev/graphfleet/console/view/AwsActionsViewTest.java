package dev.graphfleet.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.ConsoleConfig;
import dev.graphfleet.console.testing.ConsoleHarness;
import dev.graphfleet.console.viewmodel.ActionsViewModel.Stage;
import dev.graphfleet.testing.FakeReplicaAws;
import dev.graphfleet.testing.QueryProtocolServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code console --aws --env prod --config …} on the loopback AWS account: once read-only is lifted, a
 * snapshot's confirmation shows the engine's real dry run, and nothing in AWS has changed.
 */
class AwsActionsViewTest {

    @TempDir
    Path dir;
    private QueryProtocolServer aws;
    private FakeReplicaAws account;
    private ConsoleHarness console;

    @BeforeEach
    void open() throws Exception {
        // The SDK's default chain reads these first: fixed test credentials, never real ones.
        System.setProperty("aws.accessKeyId", "AKIDCONSOLETEST");
        System.setProperty("aws.secretAccessKey", "console-test-secret");
        aws = new QueryProtocolServer();
        account = new FakeReplicaAws(aws);
        Path config = Files.writeString(dir.resolve("graph.yml"), FakeReplicaAws.FLEET_CONFIG);
        ConsoleConfig options = ConsoleOptionsAccess.parse("--aws", "--env", "prod", "--region", "us-east-1",
                "--endpoint", aws.endpoint().toString(), "--config", config.toString(), "--timeout-s", "1");
        console = ConsoleHarness.show(options, List.of());
        console.refresh();
        WaitForAsyncUtils.asyncFx(() -> console.scene().getRoot().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        console.close();
        aws.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void theSnapshotConfirmationIsTheDryRunInAws() throws Exception {
        assertThat(console.assembly().operator().readOnlyProperty().get()).as("AWS starts read-only").isTrue();
        console.robot().clickOn("#read-only");
        WaitForAsyncUtils.waitForFxEvents();

        console.robot().write(":").write("snapshot sec").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> console.assembly().operator().actions()
                .stageProperty().get() == Stage.CONFIRMING);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(console.find("#action-title", Label.class).getText())
                .isEqualTo("Snapshot sec and roll it out to shared-replicas");
        List<String> plan = console.find("#action-plan", VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList();
        assertThat(plan).first().isEqualTo("Dry run in AWS prod (nothing changed yet). A snapshot of sec would:");
        assertThat(plan).anySatisfy(l -> assertThat(l).startsWith("snapshot its data volume vol-m1 (encrypted)"))
                .contains("then delete snap-1 (beyond keep 3)");
        assertThat(plan).last().asString().startsWith("then roll replica group shared-replicas onto the new snapshot");
        assertThat(account.calls("CreateSnapshot")).isEmpty();
        assertThat(account.calls("CreateLaunchTemplateVersion")).isEmpty();
        console.screenshot("action-aws-snapshot-plan");

        console.robot().type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(account.calls("CreateSnapshot")).isEmpty();
    }
}
