package dev.graphfleet.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VolumePolicyTest {

    @Test
    void defaultsAreTheOriginalSystems() {
        VolumePolicy p = VolumePolicy.defaults();
        assertThat(p.expansionThreshold()).isEqualTo(0.8);
        assertThat(p.alarmThreshold()).isEqualTo(0.7);
        assertThat(p.expansionFactor()).isEqualTo(1.5);
        assertThat(p.minExpansionGb()).isEqualTo(50);
        assertThat(p.maxVolumeSizeGb()).isEqualTo(16_384);
        assertThat(p.targetUsage()).isEqualTo(0.6);
        assertThat(p.roundingGb()).isEqualTo(10);
        assertThat(p.stuckOptimizingAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.modificationCooldown()).isEqualTo(Duration.ofHours(6));
        assertThat(p.thresholdFor(false)).isEqualTo(0.8);
        assertThat(p.thresholdFor(true)).isEqualTo(0.7);
    }

    @Test
    void toleranceIsTheLargerOfMinimumAndPercentage() {
        VolumePolicy p = VolumePolicy.defaults();
        assertThat(p.xfsToleranceGb(50)).isEqualTo(2.0);
        assertThat(p.xfsToleranceGb(100)).isEqualTo(2.0);
        assertThat(p.xfsToleranceGb(1000)).isEqualTo(20.0);
    }

    @Test
    void aPercentageWhereAFractionBelongsIsNamedWithTheFix() {
        assertThatThrownBy(() -> VolumePolicy.of(80, 0.7, 1.5, 50, 16_384, 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("volumes.expansion_threshold")
                .hasMessageContaining("write 0.8 for 80.0 %");
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> VolumePolicy.of(0.8, 0.7, 1.0, 50, 16_384, 2, 2))
                .hasMessageContaining("volumes.expansion_factor");
        assertThatThrownBy(() -> VolumePolicy.of(0.8, 0.7, 1.5, 0, 16_384, 2, 2))
                .hasMessageContaining("volumes.min_expansion_gb");
        assertThatThrownBy(() -> VolumePolicy.of(0.8, 0.7, 1.5, 50, 0, 2, 2))
                .hasMessageContaining("volumes.max_volume_size_gb");
        assertThatThrownBy(() -> VolumePolicy.of(0.8, 0.7, 1.5, 50, 16_384, -1, 2))
                .hasMessageContaining("volumes.xfs_tolerance.min_gb");
        assertThatThrownBy(() -> VolumePolicy.of(0.8, 0.7, 1.5, 50, 16_384, 2, 150))
                .hasMessageContaining("volumes.xfs_tolerance.percent");
        assertThatThrownBy(() -> VolumePolicy.of(0.8, 0.5, 1.5, 50, 16_384, 2, 2))
                .hasMessageContaining("volumes.target_usage");
    }

    @Test
    void modificationStatesParseFromTheProvidersWords() {
        assertThat(ModificationState.parse("optimizing")).isEqualTo(ModificationState.OPTIMIZING);
        assertThat(ModificationState.parse(null)).isEqualTo(ModificationState.NONE);
        assertThatThrownBy(() -> ModificationState.parse("resizing")).hasMessageContaining("'resizing'");
    }

    @Test
    void refusalsAreClassifiedFromCodeAndMessage() {
        assertThat(ModificationRefusal.classify("IncorrectModificationState",
                "Cannot modify volume vol-1 as it is currently in the state: OPTIMIZING"))
                .isEqualTo(ModificationRefusal.STUCK_OPTIMIZING);
        assertThat(ModificationRefusal.classify("IncorrectModificationState",
                "A modification for volume vol-1 is in progress (modifying)"))
                .isEqualTo(ModificationRefusal.IN_PROGRESS);
        assertThat(ModificationRefusal.classify(null,
                "An error occurred (IncorrectModificationState) ... OPTIMIZING"))
                .isEqualTo(ModificationRefusal.STUCK_OPTIMIZING);
        assertThat(ModificationRefusal.classify("VolumeModificationRateExceeded", "wait 6 hours"))
                .isEqualTo(ModificationRefusal.COOLDOWN);
        assertThat(ModificationRefusal.classify("InvalidVolume.NotFound", "vol-1 does not exist"))
                .isEqualTo(ModificationRefusal.NOT_FOUND);
        assertThat(ModificationRefusal.classify("Throttling", "slow down")).isEqualTo(ModificationRefusal.OTHER);
    }
}
