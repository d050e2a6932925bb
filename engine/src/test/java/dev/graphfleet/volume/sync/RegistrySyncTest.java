package dev.graphfleet.volume.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.volume.registry.ExpansionLock;
import dev.graphfleet.volume.registry.InMemoryVolumeRegistry;
import dev.graphfleet.volume.registry.VolumeRecord;
import dev.graphfleet.volume.registry.VolumeStatus;
import dev.graphfleet.volume.sync.SyncChange.MarkAvailable;
import dev.graphfleet.volume.sync.SyncChange.Register;
import dev.graphfleet.volume.sync.SyncChange.Remove;
import dev.graphfleet.volume.sync.SyncChange.Repoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrySyncTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    static VolumeRecord row(String id, String instance, long size, VolumeStatus status) {
        return new VolumeRecord(id, instance, size, status, NOW.minusSeconds(3600), null, null, null);
    }

    static VolumeRecord locked(VolumeRecord r, Instant expiresAt) {
        return new VolumeRecord(r.volumeId(), r.instanceId(), r.sizeGb(), r.status(), r.lastModified(),
                r.lastModificationAt(), "monitor-1", expiresAt);
    }

    static Ec2Volume on(String id, String instance, long size) {
        return new Ec2Volume(id, size, instance, true);
    }

    static SyncPlan plan(List<VolumeRecord> registry, List<Ec2Volume> ec2) {
        return RegistrySync.plan(registry, ec2, NOW);
    }

    @Test
    void inLineRegistryAndEc2MakeNoChanges() {
        SyncPlan p = plan(List.of(row("vol-a", "i-1", 100, VolumeStatus.ATTACHED),
                        row("vol-b", null, 50, VolumeStatus.AVAILABLE),
                        row("vol-c", "i-2", 200, VolumeStatus.EXPANDING)),
                List.of(on("vol-a", "i-1", 100), Ec2Volume.detached("vol-b", 50), on("vol-c", "i-2", 300)));
        assertThat(p.changes()).isEmpty();
        assertThat(p.skipped()).isEmpty();
    }

    @Test
    void detachedVolumeRegisteredAsAttachedOrExpandingIsMarkedAvailable() {
        SyncPlan p = plan(List.of(row("vol-a", "i-1", 100, VolumeStatus.ATTACHED),
                        row("vol-b", "i-2", 100, VolumeStatus.EXPANDING)),
                List.of(Ec2Volume.detached("vol-a", 100), Ec2Volume.detached("vol-b", 150)));
        assertThat(p.changes()).containsExactly(new MarkAvailable("vol-a"), new MarkAvailable("vol-b"));
    }

    @Test
    void volumeOnAnotherInstanceIsRepointedWithItsEc2Size() {
        SyncPlan p = plan(List.of(row("vol-a", "i-old", 100, VolumeStatus.ATTACHED)),
                List.of(on("vol-a", "i-new", 150)));
        assertThat(p.changes()).containsExactly(new Repoint("vol-a", "i-old", "i-new", 150));
    }

    @Test
    void availableVolumeAttachedAgainIsRepointedEvenToTheSameInstance() {
        SyncPlan p = plan(List.of(row("vol-a", "i-1", 100, VolumeStatus.AVAILABLE),
                        row("vol-b", null, 100, VolumeStatus.AVAILABLE)),
                List.of(on("vol-a", "i-1", 100), new Ec2Volume("vol-b", 100, "i-other", false)));
        assertThat(p.changes()).containsExactly(new Repoint("vol-a", "i-1", "i-1", 100),
                new Repoint("vol-b", null, "i-other", 100));
    }

    @Test
    void volumeMissingFromEc2IsRemovedWhateverItsStatus() {
        SyncPlan p = plan(List.of(row("vol-a", "i-1", 100, VolumeStatus.ATTACHED),
                        row("vol-b", null, 100, VolumeStatus.AVAILABLE),
                        row("vol-c", "i-2", 100, VolumeStatus.EXPANDING)),
                List.of());
        assertThat(p.changes()).containsExactly(new Remove("vol-a"), new Remove("vol-b"), new Remove("vol-c"));
    }

    @Test
    void unregisteredFleetDataVolumeIsRegisteredButOtherVolumesAreNot() {
        SyncPlan p = plan(List.of(),
                List.of(on("vol-data", "i-1", 100), new Ec2Volume("vol-root", 8, "i-1", false),
                        Ec2Volume.detached("vol-loose", 20)));
        assertThat(p.changes()).containsExactly(new Register("vol-data", "i-1", 100));
    }

    @Test
    void heldLockSkipsTheChangeAndReportsTheHolder() {
        Instant until = NOW.plus(Duration.ofMinutes(5));
        SyncPlan p = plan(List.of(locked(row("vol-a", "i-1", 100, VolumeStatus.EXPANDING), until),
                        locked(row("vol-b", "i-1", 100, VolumeStatus.ATTACHED), until),
                        locked(row("vol-c", "i-old", 100, VolumeStatus.ATTACHED), until)),
                List.of(Ec2Volume.detached("vol-a", 100), on("vol-c", "i-new", 100)));
        assertThat(p.changes()).isEmpty();
        assertThat(p.skipped()).containsExactly(
                new SyncPlan.Skipped(new MarkAvailable("vol-a"), "monitor-1", until),
                new SyncPlan.Skipped(new Remove("vol-b"), "monitor-1", until),
                new SyncPlan.Skipped(new Repoint("vol-c", "i-old", "i-new", 100), "monitor-1", until));
    }

    @Test
    void heldLockOnARowNeedingNoChangeIsNotReported() {
        SyncPlan p = plan(List.of(locked(row("vol-a", "i-1", 100, VolumeStatus.EXPANDING), NOW.plusSeconds(60))),
                List.of(on("vol-a", "i-1", 150)));
        assertThat(p.changes()).isEmpty();
        assertThat(p.skipped()).isEmpty();
    }

    @Test
    void lapsedLockDoesNotProtectTheRow() {
        SyncPlan p = plan(List.of(locked(row("vol-a", "i-1", 100, VolumeStatus.ATTACHED), NOW),
                        locked(row("vol-b", "i-1", 100, VolumeStatus.ATTACHED), NOW.minusSeconds(1))),
                List.of());
        assertThat(p.changes()).containsExactly(new Remove("vol-a"), new Remove("vol-b"));
        assertThat(p.skipped()).isEmpty();
    }

    @Test
    void lockOnlyRowOfAnAttachedVolumeIsRepointedOnceTheLockLapses() {
        VolumeRecord lockOnly = new VolumeRecord("vol-a", null, 0, null, null, null, "m", NOW.minusSeconds(1));
        SyncPlan p = plan(List.of(lockOnly), List.of(on("vol-a", "i-1", 100)));
        assertThat(p.changes()).containsExactly(new Repoint("vol-a", null, "i-1", 100));
    }

    @Test
    void applyWritesEachChangeAndReportsThoseTheRegistryRefuses() {
        InMemoryVolumeRegistry registry = new InMemoryVolumeRegistry();
        Instant before = NOW.minusSeconds(60);
        registry.markAttached("vol-gone", "i-1", 100, before);
        registry.markAttached("vol-detached", "i-1", 100, before);
        registry.markAttached("vol-moved", "i-old", 100, before);
        registry.markAttached("vol-raced", "i-1", 100, before);
        SyncPlan p = plan(registry.all(), List.of(Ec2Volume.detached("vol-detached", 100), on("vol-moved", "i-new", 150),
                on("vol-raced", "i-9", 100), on("vol-new", "i-2", 50)));
        // a monitor takes vol-raced's lock between the plan and the writes
        ExpansionLock lock = registry.tryLock("vol-raced", "monitor-2", NOW, Duration.ofMinutes(15)).orElseThrow();

        List<RegistrySync.Result> results = RegistrySync.apply(p, registry, NOW);

        assertThat(results).hasSize(5);
        assertThat(results).filteredOn(r -> !r.applied()).extracting(r -> r.change().volumeId())
                .containsExactly("vol-raced");
        assertThat(registry.find("vol-gone")).isEmpty();
        VolumeRecord detached = registry.find("vol-detached").orElseThrow();
        assertThat(detached.status()).isEqualTo(VolumeStatus.AVAILABLE);
        assertThat(detached.instanceId()).isNull();
        VolumeRecord moved = registry.find("vol-moved").orElseThrow();
        assertThat(moved.instanceId()).isEqualTo("i-new");
        assertThat(moved.sizeGb()).isEqualTo(150);
        assertThat(moved.status()).isEqualTo(VolumeStatus.ATTACHED);
        assertThat(registry.find("vol-raced").orElseThrow().instanceId()).isEqualTo("i-1");
        assertThat(registry.find("vol-new").orElseThrow()).extracting(VolumeRecord::instanceId,
                VolumeRecord::sizeGb, VolumeRecord::status).containsExactly("i-2", 50L, VolumeStatus.ATTACHED);
        assertThat(registry.release(lock)).isTrue();
    }
}
