package dev.graphfleet.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.repo.RepositoryException.Reason;
import dev.graphfleet.testing.SettableClock;
import dev.graphfleet.testing.TestFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data volume fills up while a repository downloads, on a real (tmpfs) file system small
 * enough to fill: the fetch fails at once with NO_SPACE (no retries against a full disk), the
 * partial file and its journal are gone so the space is free again, and the versions already in
 * the cache are untouched. Needs root to mount; elsewhere it is skipped with the reason.
 */
class DiskFullFetchTest {

    private static final long PART = 64 * 1024;
    private static final long VOLUME_BYTES = 4L << 20;

    @TempDir
    Path temp;
    private Path volume;
    private boolean mounted;

    @BeforeEach
    void mountSmallVolume() throws Exception {
        volume = Files.createDirectory(temp.resolve("volume"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + VOLUME_BYTES, "tmpfs", volume.toString())
                .redirectErrorStream(true).start();
        String output = new String(mount.getInputStream().readAllBytes());
        if (!mount.waitFor(30, TimeUnit.SECONDS) || mount.exitValue() != 0) {
            Assumptions.abort("cannot mount a small tmpfs to fill (needs root): " + output.strip());
        }
        mounted = true;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", volume.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aDiskThatFillsDuringTheDownloadFailsCleanlyAndKeepsTheCache() throws Exception {
        FileRepositoryStore store = new FileRepositoryStore(new StoreUri.Local(Files.createDirectory(temp.resolve("store"))),
                new SettableClock(Instant.parse("2026-11-22T01:00:00Z")));
        RepositoryCache cache = new RepositoryCache(volume.resolve("cache"), 1L << 30, Set::of,
                new SettableClock(Instant.parse("2026-11-22T01:00:00Z")));
        Manifest industry = store.publish(RepositoryName.of("industry"),
                TestFiles.random(temp.resolve("industry.kuzu"), 5 * PART, 7), "0.11.2");
        Manifest sec = store.publish(RepositoryName.of("sec"),
                TestFiles.random(temp.resolve("sec.kuzu"), 20 * PART, 8), "0.11.2");
        FetchOptions options = FetchOptions.defaults().withPartSize(PART).withParallelism(2)
                .withRetry(RetryPolicy.immediate(3));
        FetchResult cached = new RepositoryFetcher(store, cache, options).fetch(industry, FetchListener.NONE);

        // Once the download is under way, something else on the volume takes all the space left.
        Path filler = volume.resolve("filler");
        FetchListener fillTheDisk = progress -> {
            if (progress.phase() == FetchProgress.Phase.DOWNLOADING && progress.bytesDone() >= PART
                    && !Files.exists(filler)) {
                fill(filler);
            }
        };
        assertThatThrownBy(() -> new RepositoryFetcher(store, cache, options).fetch(sec, fillTheDisk))
                .isInstanceOf(RepositoryException.class)
                .hasMessageContaining("no space left on the data volume while fetching sec@v1")
                .hasMessageContaining("the partial download was removed")
                .hasMessageContaining("(No space left on device)") // the file system's own words, not our wrapping
                .extracting(e -> ((RepositoryException) e).reason()).isEqualTo(Reason.NO_SPACE);

        assertThat(Files.exists(filler)).as("the disk was filled mid-download").isTrue();
        try (var files = Files.list(cache.versionDir(sec.ref()))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("fetch.lock");
        }
        assertThat(cache.cached(industry.ref())).contains(industry);
        assertThat(Sha256.of(cached.file())).isEqualTo(industry.sha256());

        // Space freed: the same fetch now succeeds from scratch.
        Files.delete(filler);
        FetchResult result = new RepositoryFetcher(store, cache, options).fetch(sec, FetchListener.NONE);
        assertThat(Sha256.of(result.file())).isEqualTo(sec.sha256());
    }

    /** Writes until the file system refuses. */
    private static void fill(Path filler) {
        ByteBuffer block = ByteBuffer.allocate(64 * 1024);
        try (FileChannel out = FileChannel.open(filler, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (true) {
                block.clear();
                out.write(block);
            }
        } catch (IOException full) {
            // the volume is full now
        }
    }
}
