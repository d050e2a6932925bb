package dev.graphfleet.volume.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.testing.AwsXml;
import dev.graphfleet.testing.FakeEc2;
import dev.graphfleet.volume.sync.Ec2Volume;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** The fleet's data volumes and the registered volumes, read from a loopback EC2 endpoint. */
class Ec2FleetVolumesTest {

    FakeEc2 fake;
    Ec2Client ec2;
    Ec2FleetVolumes volumes;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeEc2();
        ec2 = Ec2Client.builder().endpointOverride(fake.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("f", "f"))).build();
        volumes = new Ec2FleetVolumes(ec2, List.of("/dev/xvdf", "/dev/sdf"));
        fake.answerDescribeInstances(AwsXml.describeInstances(null,
                AwsXml.instance("i-1", "writer", "r7g.large", "10.0.0.1", "vol-data1", Map.of("Environment", "prod")),
                AwsXml.instance("i-2", "shared_master", "r7g.large", "10.0.0.2", "vol-data2",
                        Map.of("Environment", "prod"))));
    }

    @AfterEach
    void stop() {
        ec2.close();
        fake.close();
    }

    @Test
    void fleetDataVolumesAndRegisteredVolumesAreReadWithTheirState() {
        fake.attach("vol-data1", "i-1", "/dev/xvdf", 100);
        fake.attach("vol-data2", "i-2", "/dev/sdf", 200);
        fake.attach("vol-root1", "i-1", "/dev/xvda", 8);
        fake.addDetached("vol-old", 50);
        fake.attach("vol-elsewhere", "i-other", "/dev/xvdf", 70);
        fake.addDetached("vol-unrelated", 10);

        List<Ec2Volume> found = volumes.volumes("prod", null, List.of("vol-old", "vol-elsewhere", "vol-gone",
                "vol-data1"));

        assertThat(found).containsExactlyInAnyOrder(
                new Ec2Volume("vol-data1", 100, "i-1", true),
                new Ec2Volume("vol-data2", 200, "i-2", true),
                Ec2Volume.detached("vol-old", 50),
                new Ec2Volume("vol-elsewhere", 70, "i-other", false));
        List<Map<String, String>> describes = fake.requests().stream()
                .filter(r -> "DescribeVolumes".equals(r.get("Action"))).toList();
        assertThat(describes).hasSize(2);
        assertThat(describes.get(0)).containsEntry("Filter.1.Name", "attachment.instance-id")
                .containsEntry("Filter.1.Value.1", "i-1").containsEntry("Filter.1.Value.2", "i-2")
                .containsEntry("Filter.2.Name", "attachment.device");
        assertThat(describes.get(1)).as("only the registered ids not already seen")
                .containsEntry("Filter.1.Name", "volume-id").containsEntry("Filter.1.Value.1", "vol-old")
                .doesNotContainValue("vol-data1");
    }

    @Test
    void everyPageIsRead() {
        fake.pageSize(2);
        fake.attach("vol-data1", "i-1", "/dev/xvdf", 100);
        fake.attach("vol-data2", "i-2", "/dev/xvdf", 100);
        List<String> registered = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fake.addDetached("vol-d" + i, 10);
            registered.add("vol-d" + i);
        }
        fake.attach("vol-data3", "i-1", "/dev/sdf", 100);

        List<Ec2Volume> found = volumes.volumes("prod", null, registered);

        assertThat(found).extracting(Ec2Volume::volumeId).containsExactlyInAnyOrder(
                "vol-data1", "vol-data2", "vol-data3", "vol-d0", "vol-d1", "vol-d2", "vol-d3", "vol-d4");
        assertThat(fake.requests().stream().filter(r -> "DescribeVolumes".equals(r.get("Action"))))
                .as("2 pages of fleet volumes, 3 of registered ones").hasSize(5)
                .allSatisfy(r -> assertThat(r).containsEntry("MaxResults", "500"));
    }

    @Test
    void noFleetInstancesAndNoRegistryMeansNoVolumeCall() {
        fake.answerDescribeInstances(AwsXml.describeInstances(null));
        fake.attach("vol-x", "i-9", "/dev/xvdf", 10);

        assertThat(volumes.volumes("prod", null, List.of())).isEmpty();
        assertThat(fake.requests()).extracting(r -> r.get("Action")).containsExactly("DescribeInstances");
    }
}
