package dev.graphfleet.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.testing.SettableClock;
import dev.graphfleet.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A download installed without a flush (the machine's boot is known) is trusted in that boot only: after
 * a reboot its bytes may never have reached the disk, so it is hashed once more, and a copy that no
 * longer matches is fetched afresh. Where the boot is unknown the download is flushed and trusted as before.
 */
class UnflushedDownloadTest {

    private static final long PART = 64 * 1024;

    @TempDir
    Path temp;
    private FileRepositoryStore store;
    private RepositoryCache cache;
    private Manifest sec;
    private Path stored;

    @BeforeEach
    void publish() throws Exception {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-21T10:00:00Z"));
        store = new FileRepositoryStore(new StoreUri.Local(Files.createDirectory(temp.resolve("store"))), clock);
        cache = new RepositoryCache(temp.resolve("cache"), 1L << 30, Set::of, clock);
        sec = store.publish(RepositoryName.of("sec"), TestFiles.random(temp.resolve("sec.kuzu"), 5 * PART + 3, 9),
                "0.11.2");
        stored = temp.resolve("store/sec/v1/data.kuzu");
    }

    private FetchResult fetchIn(BootId boot, List<FetchProgress.Phase> phases) throws Exception {
        return new RepositoryFetcher(store, cache, FetchOptions.defaults().withPartSize(PART).withParallelism(2)
                .withRetry(RetryPolicy.immediate(2)).withBootId(boot)).fetch(sec, new FetchListener() {
                    @Override
                    public void onProgress(FetchProgress progress) {
                        phases.add(progress.phase());
                    }
                });
    }

    @Test
    void theStampOfAnUnflushedDownloadNamesItsBootAndVouchesInThatBootWithoutHashing() throws Exception {
        assertThat(fetchIn(BootId.of("boot-a"), new ArrayList<>()).fromCache()).isFalse();
        assertThat(Files.readString(cache.stampFile(sec.ref())).strip()).endsWith(" boot-a");

        List<FetchProgress.Phase> again = new ArrayList<>();
        assertThat(fetchIn(BootId.of("boot-a"), again).fromCache()).isTrue();
        assertThat(again).as("same boot: no hashing").containsExactly(FetchProgress.Phase.DONE);
    }

    @Test
    void afterARebootItIsHashedOnceThenTrustedInAnyBoot() throws Exception {
        fetchIn(BootId.of("boot-a"), new ArrayList<>());

        List<FetchProgress.Phase> afterReboot = new ArrayList<>();
        assertThat(fetchIn(BootId.of("boot-b"), afterReboot).fromCache()).isTrue();
        assertThat(afterReboot).contains(FetchProgress.Phase.VERIFYING);

        List<FetchProgress.Phase> later = new ArrayList<>();
        assertThat(fetchIn(BootId.of("boot-c"), later).fromCache()).isTrue();
        assertThat(later).as("hashed and flushed: trusted from then on").containsExactly(FetchProgress.Phase.DONE);
    }

    @Test
    void bytesLostInAPowerFailureAreCaughtAfterTheRebootAndFetchedAgain() throws Exception {
        fetchIn(BootId.of("boot-a"), new ArrayList<>());
        Path data = cache.dataFile(sec.ref());
        // What a power loss can leave: the file and its stamp are there, a block of its bytes never was.
        // The stamp is rewritten to match the file's new look, so only the boot tells the two apart.
        try (var channel = java.nio.channels.FileChannel.open(data, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.allocate(4096), PART);
        }
        VerifiedStamp.of(data, sec.sha256()).notFlushedIn("boot-a").write(cache.stampFile(sec.ref()));

        assertThat(fetchIn(BootId.of("boot-b"), new ArrayList<>()).fromCache()).isFalse();
        assertThat(data).hasSameBinaryContentAs(stored);
    }

    @Test
    void whereTheBootIsUnknownTheDownloadIsFlushedAndItsStampTrustedEverywhere() throws Exception {
        fetchIn(BootId.unknown(), new ArrayList<>());
        assertThat(Files.readString(cache.stampFile(sec.ref())).strip().split(" ")).hasSize(5);

        List<FetchProgress.Phase> elsewhere = new ArrayList<>();
        assertThat(fetchIn(BootId.of("boot-b"), elsewhere).fromCache()).isTrue();
        assertThat(elsewhere).containsExactly(FetchProgress.Phase.DONE);
    }
}
