package dev.graphfleet.volume.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graphfleet.testing.FakeEc2;
import dev.graphfleet.testing.FakeSsm;
import dev.graphfleet.volume.ModificationRefusal;
import dev.graphfleet.volume.ModificationState;
import dev.graphfleet.volume.monitor.VolumeActionException;
import dev.graphfleet.volume.monitor.VolumeDescription;
import dev.graphfleet.volume.monitor.WatchedInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ssm.SsmClient;

class Ec2SsmVolumeActionsTest {

    FakeEc2 ec2Endpoint;
    FakeSsm ssmEndpoint;
    Ec2Client ec2;
    SsmClient ssm;
    final AtomicInteger polls = new AtomicInteger();
    Ec2SsmVolumeActions actions;
    final WatchedInstance writer = new WatchedInstance("i-0writer", "writer", null, "/mnt/lbug-data");

    @BeforeEach
    void start() throws Exception {
        ec2Endpoint = new FakeEc2();
        ssmEndpoint = new FakeSsm();
        StaticCredentialsProvider fake = StaticCredentialsProvider.create(AwsBasicCredentials.create("f", "f"));
        ec2 = Ec2Client.builder().endpointOverride(ec2Endpoint.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(fake).build();
        ssm = SsmClient.builder().endpointOverride(ssmEndpoint.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(fake).build();
        actions = new Ec2SsmVolumeActions(ec2, ssm,
                new Ec2SsmVolumeActions.Options(List.of("/dev/xvdf", "/dev/sdf"), Duration.ofSeconds(25),
                        Duration.ofSeconds(5)),
                d -> polls.incrementAndGet());
    }

    @AfterEach
    void stop() {
        ec2.close();
        ssm.close();
        ec2Endpoint.close();
        ssmEndpoint.close();
    }

    @Test
    void describesTheDataVolumeNotTheRootVolume() throws Exception {
        ec2Endpoint.attach("vol-root", "i-0writer", "/dev/xvda", 8);
        ec2Endpoint.attach("vol-data", "i-0writer", "/dev/xvdf", 100);
        ec2Endpoint.attach("vol-other", "i-0other", "/dev/xvdf", 500);

        VolumeDescription d = actions.describe(writer).orElseThrow();

        assertThat(d.volumeId()).isEqualTo("vol-data");
        assertThat(d.sizeGb()).isEqualTo(100);
        assertThat(d.modification().state()).as("never modified").isEqualTo(ModificationState.NONE);
        Map<String, String> query = ec2Endpoint.requests().get(0);
        assertThat(query).containsEntry("Action", "DescribeVolumes").containsValue("attachment.instance-id")
                .containsValue("i-0writer").containsValue("/dev/sdf");
    }

    @Test
    void anInstanceWithoutADataVolumeHasNone() throws Exception {
        ec2Endpoint.attach("vol-root", "i-0writer", "/dev/xvda", 8);
        assertThat(actions.describe(writer)).isEmpty();
    }

    @Test
    void readsTheLatestModification() throws Exception {
        FakeEc2.Volume v = ec2Endpoint.attach("vol-data", "i-0writer", "/dev/xvdf", 150);
        v.modificationState = "optimizing";
        v.modificationStart = Instant.parse("2026-03-01T11:20:00Z");
        v.targetSize = 150;

        VolumeDescription d = actions.describe(writer).orElseThrow();

        assertThat(d.modification().state()).isEqualTo(ModificationState.OPTIMIZING);
        assertThat(d.modification().since()).isEqualTo(Instant.parse("2026-03-01T11:20:00Z"));
        assertThat(d.modification().targetSizeGb()).isEqualTo(150);
    }

    @Test
    void modifiesTheVolume() throws Exception {
        ec2Endpoint.attach("vol-data", "i-0writer", "/dev/xvdf", 100);
        actions.modify("vol-data", 150);
        Map<String, String> query = ec2Endpoint.requests().get(0);
        assertThat(query).containsEntry("Action", "ModifyVolume").containsEntry("VolumeId", "vol-data")
                .containsEntry("Size", "150");
        assertThat(actions.describe(writer).orElseThrow().modification().state())
                .isEqualTo(ModificationState.MODIFYING);
    }

    @Test
    void refusalsAreClassified() {
        ec2Endpoint.attach("vol-data", "i-0writer", "/dev/xvdf", 100);
        ec2Endpoint.failNextModify("IncorrectModificationState",
                "Cannot modify volume vol-data as it is currently in the state: OPTIMIZING");
        ec2Endpoint.failNextModify("IncorrectModificationState", "A modification for vol-data is in progress");
        ec2Endpoint.failNextModify("VolumeModificationRateExceeded",
                "You've reached the maximum modification rate per volume limit.");

        assertRefusal(ModificationRefusal.STUCK_OPTIMIZING);
        assertRefusal(ModificationRefusal.IN_PROGRESS);
        assertRefusal(ModificationRefusal.COOLDOWN);
        assertThatThrownBy(() -> actions.modify("vol-gone", 150))
                .isInstanceOfSatisfying(VolumeActionException.class,
                        e -> assertThat(e.refusal()).isEqualTo(ModificationRefusal.NOT_FOUND));
    }

    void assertRefusal(ModificationRefusal expected) {
        assertThatThrownBy(() -> actions.modify("vol-data", 150))
                .isInstanceOfSatisfying(VolumeActionException.class, e -> {
                    assertThat(e.refusal()).isEqualTo(expected);
                    assertThat(e.getMessage()).startsWith("could not modify volume vol-data to 150 GB: ");
                });
    }

    @Test
    void growsTheFilesystemThroughRunCommandAndFollowsIt() throws Exception {
        ssmEndpoint.willReport("InProgress", "");
        ssmEndpoint.willReport("Success", "");

        actions.growFilesystem(writer);

        JsonNode command = ssmEndpoint.sentCommands().get(0);
        assertThat(command.path("DocumentName").asText()).isEqualTo("AWS-RunShellScript");
        assertThat(command.path("InstanceIds").get(0).asText()).isEqualTo("i-0writer");
        String script = command.path("Parameters").path("commands").get(0).asText();
        assertThat(script).contains("MOUNT='/mnt/lbug-data'").contains("xfs_growfs").contains("resize2fs")
                .contains("growpart");
        assertThat(polls.get()).isEqualTo(2);
    }

    @Test
    void aFailedGrowCarriesItsErrorOutput() {
        ssmEndpoint.willReport("Failed", "xfs_growfs: /mnt/lbug-data is not a mounted XFS filesystem");
        assertThatThrownBy(() -> actions.growFilesystem(writer))
                .hasMessageContaining("filesystem grow Failed (SSM command cmd-1)")
                .hasMessageContaining("is not a mounted XFS filesystem");
    }

    @Test
    void aGrowStillRunningIsLeftToTheNextRun() {
        ssmEndpoint.willReport("InProgress", "");
        assertThatThrownBy(() -> actions.growFilesystem(writer))
                .hasMessageContaining("still running after 25 s")
                .hasMessageContaining("the next run checks the filesystem");
        assertThat(polls.get()).isEqualTo(5);
    }

    @Test
    void anInvocationNotYetKnownIsPolledAgain() throws Exception {
        // no status queued yet: the first poll meets InvocationDoesNotExist
        Ec2SsmVolumeActions slowStart = new Ec2SsmVolumeActions(ec2, ssm, Ec2SsmVolumeActions.Options.defaults(),
                d -> {
                    if (polls.incrementAndGet() == 2) {
                        ssmEndpoint.willReport("Success", "");
                    }
                });
        slowStart.growFilesystem(writer);
        assertThat(polls.get()).isEqualTo(2);
    }

    @Test
    void anUnsafeMountIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> Ec2SsmVolumeActions.growScript("/mnt/x'; rm -rf / #"))
                .hasMessageContaining("is not a plain absolute path");
    }
}
