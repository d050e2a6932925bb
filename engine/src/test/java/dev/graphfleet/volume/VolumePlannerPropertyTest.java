package dev.graphfleet.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The planner over many random volumes (sizes up to the EBS limit, any usage, any modification
 * state and age, growing or shrinking history, alarm or not): whatever it decides, a volume never
 * shrinks, never goes above the cap, is never modified while a modification is active or inside
 * the cooldown. A fixed seed, so a failure is reproducible.
 */
class VolumePlannerPropertyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");

    @Test
    void randomVolumesNeverShrinkNorPassTheCap() {
        check(20_000, VolumePolicy.defaults());
        check(20_000, VolumePolicy.of(0.8, 0.7, 1.5, 50, 2_000, 2, 2));
    }

    @Test
    @Tag("soak")
    void manyMoreRandomVolumes() {
        check(2_000_000, VolumePolicy.defaults());
        check(2_000_000, VolumePolicy.of(0.8, 0.7, 1.5, 50, 2_000, 2, 2));
    }

    private static void check(int cases, VolumePolicy policy) {
        VolumePlanner planner = new VolumePlanner(policy);
        SplittableRandom random = new SplittableRandom(20261122L + policy.maxVolumeSizeGb());
        Map<Class<?>, Integer> seen = new java.util.HashMap<>();
        Map<ModificationState, Integer> states = new EnumMap<>(ModificationState.class);
        for (int i = 0; i < cases; i++) {
            VolumeState state = randomState(random, policy);
            VolumeDecision decision = planner.decide(state);
            seen.merge(decision.getClass(), 1, Integer::sum);
            states.merge(state.modification().state(), 1, Integer::sum);
            if (decision instanceof VolumeDecision.Expand expand) {
                java.util.function.Supplier<String> why = () -> state + " -> " + expand;
                assertThat(expand.newSizeGb()).as(why).isGreaterThan(state.volumeSizeGb());
                assertThat(expand.newSizeGb()).as(why).isLessThanOrEqualTo(policy.maxVolumeSizeGb());
                assertThat(expand.fromSizeGb()).as(why).isEqualTo(state.volumeSizeGb());
                assertThat(state.modification().state().active()).as(why).isFalse();
                assertThat(state.lastModificationAt() == null
                        || !state.lastModificationAt().plus(policy.modificationCooldown()).isAfter(NOW)).as(why).isTrue();
                assertThat(state.volumeId()).as(why).isNotNull();
            }
        }
        assertThat(seen).as("every kind of decision came up").containsKeys(VolumeDecision.Expand.class,
                VolumeDecision.NoAction.class, VolumeDecision.Skip.class, VolumeDecision.Alert.class,
                VolumeDecision.GrowFilesystem.class);
        assertThat(states).hasSize(ModificationState.values().length);
        System.out.printf("SOAK volume planner (cap %d GB): %d random volumes: %d expand, %d grow filesystem, %d skip, "
                        + "%d alert, %d no action; none shrank, none above the cap, none modified while a modification "
                        + "was active or inside the cooldown%n", policy.maxVolumeSizeGb(), cases,
                seen.getOrDefault(VolumeDecision.Expand.class, 0), seen.getOrDefault(VolumeDecision.GrowFilesystem.class, 0),
                seen.getOrDefault(VolumeDecision.Skip.class, 0), seen.getOrDefault(VolumeDecision.Alert.class, 0),
                seen.getOrDefault(VolumeDecision.NoAction.class, 0));
    }

    private static VolumeState randomState(SplittableRandom random, VolumePolicy policy) {
        long size = random.nextInt(10) == 0 ? policy.maxVolumeSizeGb() - random.nextInt(5)
                : 1 + random.nextLong(Math.min(policy.maxVolumeSizeGb(), VolumePolicy.EBS_MAX_GB));
        size = Math.max(1, size);
        double filesystem = random.nextInt(4) == 0 ? size * (0.5 + random.nextDouble() / 2) : size;
        ModificationState modState = ModificationState.values()[random.nextInt(ModificationState.values().length)];
        VolumeModification modification = modState == ModificationState.NONE ? VolumeModification.none()
                : new VolumeModification(modState, NOW.minus(Duration.ofMinutes(random.nextInt(24 * 60))),
                size + random.nextInt(500));
        Instant lastModified = random.nextBoolean() ? null : NOW.minus(Duration.ofMinutes(random.nextInt(24 * 60)));
        List<UsageSample> history = new ArrayList<>();
        double used = random.nextDouble() * filesystem;
        double rate = (random.nextDouble() - 0.3) * 20; // GB per hour, sometimes shrinking
        for (int h = 6; h >= 1; h--) {
            history.add(new UsageSample(NOW.minus(Duration.ofHours(h)), Math.max(0, used - rate * h)));
        }
        return VolumeState.builder()
                .volumeId(random.nextInt(50) == 0 ? null : "vol-" + random.nextInt(1000))
                .volumeSizeGb(size)
                .filesystemSizeGb(filesystem)
                .usage(random.nextInt(3) == 0 ? 0.7 + random.nextDouble() * 0.3 : random.nextDouble())
                .modification(modification)
                .lastModificationAt(lastModified)
                .history(random.nextBoolean() ? history : List.of())
                .alarm(random.nextInt(4) == 0)
                .now(NOW)
                .build();
    }
}
