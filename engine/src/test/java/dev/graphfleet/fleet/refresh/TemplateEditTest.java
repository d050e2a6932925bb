package dev.graphfleet.fleet.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateEditTest {

    private static TemplateEdit.Mapping device(String name, String snapshot, Integer size) {
        return new TemplateEdit.Mapping(name, snapshot, size, "gp3", true, 3000, 250, true, null, null, false);
    }

    @Test
    void theDataVolumeTakesTheSnapshotAndItsSizeTheOtherDevicesStayAsTheyWere() {
        List<TemplateEdit.Mapping> edited = TemplateEdit.withSnapshot(List.of(device("/dev/xvda", null, 30),
                device("/dev/xvdf", "snap-old", 500)), "snap-new");
        assertThat(edited.get(0)).isEqualTo(device("/dev/xvda", null, 30));
        assertThat(edited.get(1).snapshotId()).isEqualTo("snap-new");
        assertThat(edited.get(1).volumeSizeGb()).isNull();
        assertThat(edited.get(1).iops()).isEqualTo(3000);
    }

    @Test
    void sdfCountsWhenThereIsNoXvdfAndNoDataVolumeIsRefused() {
        assertThat(TemplateEdit.dataVolume(List.of(device("/dev/sdf", "snap-1", null)))).get()
                .extracting(TemplateEdit.Mapping::deviceName).isEqualTo("/dev/sdf");
        assertThatThrownBy(() -> TemplateEdit.withSnapshot(List.of(device("/dev/xvda", null, 30)), "snap-new"))
                .hasMessageContaining("maps no data volume at /dev/xvdf or /dev/sdf");
    }

    @Test
    void minimumHealthyTakesOneInstanceOutAtATime() {
        assertThat(TemplateEdit.minHealthyPercentage(1)).isEqualTo(100);
        assertThat(TemplateEdit.minHealthyPercentage(2)).isEqualTo(50);
        assertThat(TemplateEdit.minHealthyPercentage(3)).isEqualTo(66);
        assertThat(TemplateEdit.minHealthyPercentage(10)).isEqualTo(90);
        for (int n = 2; n <= 50; n++) { // Auto Scaling keeps ceil(n * p / 100) healthy: exactly n - 1
            int p = TemplateEdit.minHealthyPercentage(n);
            assertThat((int) Math.ceil(n * p / 100.0)).as("n=%d", n).isEqualTo(n - 1);
        }
    }
}
