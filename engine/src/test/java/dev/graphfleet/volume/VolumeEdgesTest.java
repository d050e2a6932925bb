package dev.graphfleet.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The edges of the volume rules an operator meets: a config value exactly at its limit, a sample exactly at
 * the window's edge, the provider's words for a refusal, and the names the reports print for each decision.
 */
class VolumeEdgesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Duration H6 = Duration.ofHours(6);

    private static VolumePolicy policy(double expansion, double alarm, double target, double factor, long maxGb,
                                       double tolMinGb, double tolPercent) {
        return new VolumePolicy(expansion, alarm, factor, 50, maxGb, target, 10, tolMinGb, tolPercent,
                Duration.ofMinutes(30), H6, H6);
    }

    @Test
    void aTargetUsageEqualToAThresholdIsRefusedBecauseAnExpansionWouldNotGetBelowIt() {
        assertThatThrownBy(() -> policy(0.8, 0.7, 0.7, 1.5, 100, 2, 2))
                .hasMessageContaining("volumes.target_usage (0.7) must be below both");
        assertThatThrownBy(() -> policy(0.7, 0.8, 0.7, 1.5, 100, 2, 2))
                .hasMessageContaining("volumes.target_usage");
        assertThat(policy(0.8, 0.7, 0.69, 1.5, 100, 2, 2).targetUsage()).isEqualTo(0.69);
    }

    @Test
    void eachLimitOfThePolicyAcceptsItsEdgeAndRefusesOnePast() {
        assertThat(policy(1.0, 1.0, 0.6, 1.5, 4 * VolumePolicy.EBS_MAX_GB, 0, 0).maxVolumeSizeGb()).isEqualTo(65_536);
        assertThat(policy(0.8, 0.7, 0.6, 1.5, 1, 0, 100).xfsToleranceGb(1)).isEqualTo(1.0);
        assertThatThrownBy(() -> policy(0.8, 0.7, 0.6, 1.5, 4 * VolumePolicy.EBS_MAX_GB + 1, 2, 2))
                .hasMessageContaining("volumes.max_volume_size_gb must be between 1 and 65536");
        assertThatThrownBy(() -> policy(0.8, 0.7, 0.6, Double.POSITIVE_INFINITY, 100, 2, 2))
                .hasMessageContaining("volumes.expansion_factor");
        assertThatThrownBy(() -> policy(0.8, 0.7, 0.6, 1.5, 100, Double.POSITIVE_INFINITY, 2))
                .hasMessageContaining("volumes.xfs_tolerance.min_gb");
        assertThatThrownBy(() -> policy(0.8, 0.7, 0.6, 1.5, 100, 2, -0.5))
                .hasMessageContaining("volumes.xfs_tolerance.percent");
        assertThatThrownBy(() -> policy(0.8, 0.7, 0.6, 1.5, 100, 2, 100.5))
                .hasMessageContaining("volumes.xfs_tolerance.percent");
        assertThatThrownBy(() -> new VolumePolicy(0.8, 0.7, 1.5, 50, 100, 0.6, 0, 2, 2, H6, H6, H6))
                .hasMessageContaining("volumes.rounding_gb must be at least 1 GB, got 0");
        assertThatThrownBy(() -> new VolumePolicy(0.8, 0.7, 1.5, 50, 100, 0.6, 10, 2, 2, H6, Duration.ofSeconds(-1), H6))
                .hasMessageContaining("volumes.modification_cooldown must not be negative");
        assertThatThrownBy(() -> new VolumePolicy(0.8, 0.7, 1.5, 50, 100, 0.6, 10, 2, 2, Duration.ofSeconds(-1), H6, H6))
                .hasMessageContaining("volumes.stuck_optimizing_after");
        assertThatThrownBy(() -> new VolumePolicy(0.8, 0.7, 1.5, 50, 100, 0.6, 10, 2, 2, H6, H6, Duration.ofSeconds(-1)))
                .hasMessageContaining("volumes.forecast_window");
    }

    @Test
    void onlyAPercentageInOneToAHundredGetsTheWriteAFractionHint() {
        assertThatThrownBy(() -> policy(100, 0.7, 0.6, 1.5, 100, 2, 2)).hasMessageContaining("(write 1.0 for 100.0 %)");
        assertThatThrownBy(() -> policy(101, 0.7, 0.6, 1.5, 100, 2, 2))
                .hasMessageContaining("got 101.0").hasMessageNotContaining("write");
        assertThatThrownBy(() -> policy(0, 0.7, 0.6, 1.5, 100, 2, 2)).hasMessageNotContaining("write");
    }

    @Test
    void aShorterCooldownKeepsEveryOtherSetting() {
        VolumePolicy original = policy(0.85, 0.75, 0.5, 1.25, 900, 3, 4);
        VolumePolicy local = original.withModificationCooldown(Duration.ofMinutes(2));
        assertThat(local.modificationCooldown()).isEqualTo(Duration.ofMinutes(2));
        assertThat(local).isEqualTo(new VolumePolicy(0.85, 0.75, 1.25, 50, 900, 0.5, 10, 3, 4, Duration.ofMinutes(30),
                Duration.ofMinutes(2), H6));
    }

    @Test
    void aVolumeStateRefusesWhatNoDiskReports() {
        VolumeState.Builder base = VolumeState.builder().volumeId("vol-1").volumeSizeGb(1).usage(1.0).now(NOW);
        assertThat(base.build().usedGb()).isEqualTo(1.0);
        assertThatThrownBy(() -> base.volumeSizeGb(0).build()).hasMessageContaining("volumeSizeGb must be at least 1 GB");
        assertThatThrownBy(() -> base.volumeSizeGb(10).filesystemSizeGb(Double.POSITIVE_INFINITY).build())
                .hasMessageContaining("filesystemSizeGb");
        assertThatThrownBy(() -> base.volumeSizeGb(10).filesystemSizeGb(Double.NaN).build())
                .hasMessageContaining("filesystemSizeGb");
        assertThatThrownBy(() -> base.volumeSizeGb(10).filesystemSizeGb(10).usage(-0.01).build())
                .hasMessageContaining("usage must be a fraction");
    }

    @Test
    void theSizeAVolumeIsGoingToCountsOnlyWhileTheModificationIsActive() {
        VolumeState.Builder base = VolumeState.builder().volumeId("vol-1").volumeSizeGb(100).usage(0.5).now(NOW);
        Instant started = NOW.minus(Duration.ofMinutes(5));
        assertThat(base.modification(VolumeModification.of(ModificationState.MODIFYING, started, 150)).build()
                .effectiveVolumeSizeGb()).isEqualTo(150);
        assertThat(base.modification(VolumeModification.of(ModificationState.OPTIMIZING, started, 80)).build()
                .effectiveVolumeSizeGb()).as("a target below the size it has").isEqualTo(100);
        assertThat(base.modification(VolumeModification.of(ModificationState.FAILED, started, 150)).build()
                .effectiveVolumeSizeGb()).as("a failed modification's target never arrived").isEqualTo(100);
    }

    @Test
    void aModificationInProgressNeedsItsStartAndIsNeverOlderThanZero() {
        assertThatThrownBy(() -> VolumeModification.of(ModificationState.MODIFYING, null, 150))
                .hasMessageContaining("needs its start time");
        assertThat(VolumeModification.of(ModificationState.COMPLETED, null, 150).age(NOW)).isZero();
        assertThat(VolumeModification.of(ModificationState.OPTIMIZING, NOW.plusSeconds(30), 150).age(NOW))
                .as("a provider clock ahead of ours").isZero();
        assertThat(VolumeModification.of(ModificationState.OPTIMIZING, NOW.minusSeconds(90), 150).age(NOW))
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void theProvidersStateWordsParseLooselyAndOnlyModifyingAndOptimizingBlock() {
        assertThat(ModificationState.parse("  ")).isEqualTo(ModificationState.NONE);
        assertThat(ModificationState.parse(" Modifying ")).isEqualTo(ModificationState.MODIFYING);
        assertThat(ModificationState.parse("completed")).isEqualTo(ModificationState.COMPLETED);
        assertThat(List.of(ModificationState.values())).filteredOn(ModificationState::active)
                .containsExactly(ModificationState.MODIFYING, ModificationState.OPTIMIZING);
    }

    @Test
    void aRefusalIsClassifiedFromItsCodeAloneOrItsMessageAlone() {
        assertThat(ModificationRefusal.classify("IncorrectModificationState", null)).isEqualTo(ModificationRefusal.IN_PROGRESS);
        assertThat(ModificationRefusal.classify(null, "VolumeModificationRateExceeded: wait"))
                .isEqualTo(ModificationRefusal.COOLDOWN);
        assertThat(ModificationRefusal.classify("InvalidVolume.NotFound.Detached", null))
                .isEqualTo(ModificationRefusal.NOT_FOUND);
        assertThat(ModificationRefusal.classify("Unknown", "InvalidVolume.NotFound: vol-1"))
                .isEqualTo(ModificationRefusal.NOT_FOUND);
        assertThat(ModificationRefusal.classify(null, null)).isEqualTo(ModificationRefusal.OTHER);
    }

    @Test
    void eachDecisionHasTheKindAndSummaryTheReportsPrint() {
        ExpansionSize size = new ExpansionSize(150, ExpansionSize.Term.FACTOR, 150, false);
        assertThat(new VolumeDecision.NoAction("fine")).extracting(VolumeDecision::kind, VolumeDecision::summary)
                .containsExactly("none", "fine");
        assertThat(new VolumeDecision.Expand(100, 150, size, List.of("a", "b")))
                .extracting(VolumeDecision::kind, VolumeDecision::summary)
                .containsExactly("expand", "expand 100 -> 150 GB (a; b)");
        assertThat(new VolumeDecision.GrowFilesystem(VolumeDecision.GrowCause.FILESYSTEM_BEHIND, "behind"))
                .extracting(VolumeDecision::kind, VolumeDecision::summary)
                .containsExactly("grow-filesystem", "grow filesystem: behind");
        assertThat(new VolumeDecision.Skip("busy", null)).extracting(VolumeDecision::kind, VolumeDecision::summary)
                .containsExactly("skip", "skip: busy");
        assertThat(new VolumeDecision.Alert(VolumeDecision.AlertKind.AT_MAX_SIZE, "full"))
                .extracting(VolumeDecision::kind, VolumeDecision::summary)
                .containsExactly("alert", "ALERT at_max_size: full");
        assertThatThrownBy(() -> new VolumeDecision.Expand(150, 150, size, List.of()))
                .hasMessageContaining("an expansion never shrinks: 150 -> 150");
    }

    @Test
    void theForecastWindowIncludesNowAndExcludesItsOpeningInstantAndTheFuture() {
        Duration window = Duration.ofHours(2);
        UsageForecast f = UsageForecast.fit(List.of(
                new UsageSample(NOW.minus(window), 0),            // exactly at the opening: out
                new UsageSample(NOW.minus(Duration.ofHours(1)), 10),
                new UsageSample(NOW, 12),                        // now: in
                new UsageSample(NOW.plusSeconds(60), 500)), NOW, window); // a clock ahead: out
        assertThat(f.samples()).isEqualTo(2);
        assertThat(f.growthGbPerHour()).isCloseTo(2.0, within(1e-9));
        assertThat(f.span()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void growthBelowAMegabyteAnHourIsNoiseAndTheTimeUntilFullRoundsUp() {
        UsageForecast noise = UsageForecast.fit(List.of(new UsageSample(NOW.minus(Duration.ofHours(1)), 10),
                new UsageSample(NOW, 10.0009)), NOW, H6);
        assertThat(noise.growing()).isFalse();
        UsageForecast slow = UsageForecast.fit(List.of(new UsageSample(NOW.minus(Duration.ofHours(1)), 10),
                new UsageSample(NOW, 10.0011)), NOW, H6);
        assertThat(slow.growing()).isTrue();
        // 1 GB at 7 GB/h is 514.29 s: the operator is told 515 s, never a moment too late.
        assertThat(new UsageForecast(7, 2, Duration.ofHours(1)).timeUntil(9, 10)).contains(Duration.ofSeconds(515));
        assertThat(new UsageForecast(7, 2, Duration.ofHours(1)).timeUntil(10.5, 10)).contains(Duration.ZERO);
        assertThat(new UsageForecast(2, 2, Duration.ofHours(1)).projectedGrowthGb(Duration.ofMinutes(90)))
                .isCloseTo(3.0, within(1e-9));
    }

    @Test
    void durationsReadAsAnOperatorSaysThem() {
        assertThat(VolumePlanner.human(Duration.ofSeconds(59))).isEqualTo("59 s");
        assertThat(VolumePlanner.human(Duration.ofSeconds(60))).isEqualTo("1 min");
        assertThat(VolumePlanner.human(Duration.ofSeconds(3599))).isEqualTo("59 min");
        assertThat(VolumePlanner.human(Duration.ofSeconds(3600))).isEqualTo("1 h");
        assertThat(VolumePlanner.human(Duration.ofSeconds(3660))).isEqualTo("1 h 1 min");
        assertThat(VolumePlanner.human(Duration.ofHours(30))).isEqualTo("30 h");
    }

    @Test
    void sizesRoundUpToTheStepButNotForFloatingPointNoise() {
        assertThat(VolumePlanner.roundUp(150.0000000001, 10)).isEqualTo(150);
        assertThat(VolumePlanner.roundUp(150.01, 10)).isEqualTo(160);
        assertThat(VolumePlanner.roundUp(141, 10)).isEqualTo(150);
        assertThat(VolumePlanner.pct(0.8)).isEqualTo("80.0 %");
    }

    @Test
    void aTargetUsageOfZeroIsRefusedAndAMinimumExpansionOfOneGbAccepted() {
        assertThatThrownBy(() -> new VolumePolicy(0.8, 0.7, 1.5, 50, 100, 0, 10, 2, 2, H6, H6, H6))
                .hasMessageContaining("volumes.target_usage must be a fraction in (0, 1]");
        assertThat(new VolumePolicy(0.8, 0.7, 1.5, 1, 100, 0.6, 10, 2, 2, H6, H6, H6).minExpansionGb()).isEqualTo(1);
        assertThatThrownBy(() -> new UsageSample(NOW, Double.POSITIVE_INFINITY)).hasMessageContaining("usedGb");
        assertThat(new UsageSample(NOW, 0).usedGb()).isZero();
    }

    @Test
    void anEmptyFilesystemAndAnEmptyVolumeAreValidStates() {
        VolumeState empty = VolumeState.builder().volumeId("vol-1").volumeSizeGb(100).filesystemSizeGb(0).usage(0)
                .now(NOW).build();
        assertThat(empty.filesystemSizeGb()).as("a filesystem that reports 0 GB is not replaced by the volume size")
                .isZero();
        assertThat(empty.usage()).isZero();
        VolumeState unknowns = new VolumeState("vol-1", 100, 100, 0.5, null, null, null, false, NOW);
        assertThat(unknowns.modification()).isEqualTo(VolumeModification.none());
        assertThat(unknowns.history()).isEmpty();
    }

    @Test
    void anExpansionSaysWhichTermSizedItAndNothingAboutGrowthWhenThereIsNone() {
        VolumePlanner planner = new VolumePlanner(VolumePolicy.defaults());
        assertThat(planner.policy()).isEqualTo(VolumePolicy.defaults());
        VolumeState.Builder base = VolumeState.builder().volumeId("vol-1").now(NOW);
        assertThat(planner.decide(base.volumeSizeGb(100).usage(0.85).build())).isInstanceOfSatisfying(
                VolumeDecision.Expand.class, e -> assertThat(e.reasons()).containsExactly("usage 85.0 % > 80.0 %",
                        "sized by the factor 1.5 (150.0 GB)"));
        assertThat(planner.decide(base.volumeSizeGb(100).usage(0.95).build())).isInstanceOfSatisfying(
                VolumeDecision.Expand.class, e -> assertThat(e.reasons()).containsExactly("usage 95.0 % > 80.0 %",
                        "sized to bring usage back to 60.0 % (158.3 GB)"));
        assertThat(planner.decide(base.volumeSizeGb(40).usage(0.85).build())).isInstanceOfSatisfying(
                VolumeDecision.Expand.class, e -> assertThat(e.reasons()).containsExactly("usage 85.0 % > 80.0 %",
                        "sized by the minimum increment of 50 GB (90.0 GB)"));
        assertThat(planner.decide(base.volumeSizeGb(100).usage(0.75).alarm(true).build())).isInstanceOfSatisfying(
                VolumeDecision.Expand.class, e -> assertThat(e.reasons().get(0)).isEqualTo("usage 75.0 % > 70.0 % (alarm)"));
    }

    @Test
    void withTiedTermsTheFirstNamedWins() {
        // 100 GB at 90 %: the target term is 150 GB, like the factor (100 x 1.5); 100 + 50 also makes 150.
        ExpansionSize size = new VolumePlanner(VolumePolicy.defaults()).size(100, 0.9, 0);
        assertThat(size.sizeGb()).isEqualTo(150);
        assertThat(size.winner()).isEqualTo(ExpansionSize.Term.TARGET_USAGE);
        // 200 GB at 50 %: factor 300, increment 250; a cap of exactly 300 is reached, not passed.
        VolumePolicy capped = VolumePolicy.of(0.8, 0.7, 1.5, 50, 300, 2, 2);
        assertThat(new VolumePlanner(capped).size(200, 0.5, 0)).isEqualTo(
                new ExpansionSize(300, ExpansionSize.Term.FACTOR, 300, false));
    }

    @Test
    void oneSampleSaysNothingAboutGrowthAndTwoFlatOnesSayNoGrowth() {
        VolumePlanner planner = new VolumePlanner(VolumePolicy.defaults());
        VolumeState.Builder base = VolumeState.builder().volumeId("vol-1").volumeSizeGb(100).usage(0.5).now(NOW);
        assertThat(planner.decide(base.history(List.of(new UsageSample(NOW, 50))).build()).summary())
                .isEqualTo("usage 50.0 % is not above 80.0 %");
        assertThat(planner.decide(base.history(List.of(new UsageSample(NOW.minusSeconds(600), 50),
                new UsageSample(NOW, 50))).build()).summary()).isEqualTo("usage 50.0 % is not above 80.0 %; no growth");
    }

    @Test
    void aManualExpansionWaitsForTheLaterOfTheRegistrysRecordAndTheProvidersStart() {
        VolumePlanner planner = new VolumePlanner(VolumePolicy.defaults());
        assertThat(planner.refuseManualExpansion(100, 200, null, null, NOW)).as("nothing known: go ahead").isEmpty();
        VolumeModification startedSevenHoursAgo = VolumeModification.of(ModificationState.COMPLETED,
                NOW.minus(Duration.ofHours(7)), 100);
        assertThat(planner.refuseManualExpansion(100, 200, startedSevenHoursAgo, NOW.minus(Duration.ofHours(1)), NOW))
                .as("the registry's later record counts").hasValueSatisfying(r -> assertThat(r).contains("modified 1 h ago"));
        VolumeModification startedTwoHoursAgo = VolumeModification.of(ModificationState.COMPLETED,
                NOW.minus(Duration.ofHours(2)), 100);
        assertThat(planner.refuseManualExpansion(100, 200, startedTwoHoursAgo, NOW.minus(Duration.ofHours(8)), NOW))
                .as("the provider's later start counts").hasValueSatisfying(r -> assertThat(r).contains("modified 2 h ago"));
    }

    @Test
    void exactlyOneMegabyteAnHourIsGrowth() {
        UsageForecast f = UsageForecast.fit(List.of(new UsageSample(NOW.minus(Duration.ofHours(1)), 0),
                new UsageSample(NOW, 0.001)), NOW, H6);
        assertThat(f.growthGbPerHour()).isEqualTo(UsageForecast.FLAT_GB_PER_HOUR);
        assertThat(f.growing()).isTrue();
    }
}
