package dev.graphfleet.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.testing.SettableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which cached versions make room for a new one, on real files: exactly the budget fits, the least
 * recently used unpinned version goes first, and what stays is what is attached or downloading.
 */
class CacheEvictionTest {

    @TempDir
    Path root;

    private final Set<VersionRef> pinned = new HashSet<>();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T10:00:00Z"));

    private static VersionRef ref(String text) {
        String[] parts = text.split("@");
        return new VersionRef(RepositoryName.of(parts[0]), Version.parse(parts[1]));
    }

    private RepositoryCache cache(long budget) {
        return new RepositoryCache(root, budget, () -> Set.copyOf(pinned), clock);
    }

    /** A complete cached version of {@code bytes} (data file plus an empty manifest), used now. */
    private void cached(RepositoryCache cache, String version, int bytes) throws Exception {
        VersionRef ref = ref(version);
        Files.createDirectories(cache.versionDir(ref));
        Files.write(cache.dataFile(ref), new byte[bytes]);
        Files.write(cache.manifestFile(ref), new byte[0]);
        cache.touch(ref);
        clock.advance(Duration.ofMinutes(1));
    }

    private List<String> present(RepositoryCache cache) throws Exception {
        return cache.entries().stream().map(e -> e.ref().toString()).sorted().toList();
    }

    @Test
    void aBudgetMustBePositive() {
        assertThatThrownBy(() -> cache(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cache budget must be positive");
        assertThat(cache(1).budgetBytes()).isEqualTo(1);
    }

    @Test
    void anIncomingVersionThatFitsExactlyEvictsNothing() throws Exception {
        RepositoryCache cache = cache(300);
        cached(cache, "aaa@v1", 100);
        cached(cache, "bbb@v1", 100);
        assertThat(cache.usedBytes()).isEqualTo(200);
        assertThat(cache.makeRoom(ref("ccc@v1"), 100)).isEmpty();
        assertThat(present(cache)).containsExactly("aaa@v1", "bbb@v1");
    }

    @Test
    void oneByteOverEvictsTheLeastRecentlyUsedOnlyAndATouchMovesAVersionToTheBack() throws Exception {
        RepositoryCache cache = cache(300);
        cached(cache, "aaa@v1", 100);
        cached(cache, "bbb@v1", 100);
        cached(cache, "ccc@v1", 99);
        cache.touch(ref("aaa@v1")); // attached again: now the most recently used
        assertThat(cache.makeRoom(ref("ddd@v1"), 2)).containsExactly(ref("bbb@v1"));
        assertThat(present(cache)).containsExactly("aaa@v1", "ccc@v1");
    }

    @Test
    void evictionGoesOldestFirstUntilItFitsAndReportsInThatOrder() throws Exception {
        RepositoryCache cache = cache(300);
        cached(cache, "ccc@v1", 100);
        cached(cache, "aaa@v1", 100);
        cached(cache, "bbb@v1", 100);
        assertThat(cache.makeRoom(ref("ddd@v1"), 200)).containsExactly(ref("ccc@v1"), ref("aaa@v1"));
        assertThat(present(cache)).containsExactly("bbb@v1");
    }

    @Test
    void pinnedAndDownloadingVersionsStayAndTheIncomingOneIsNotCountedTwice() throws Exception {
        RepositoryCache cache = cache(300);
        cached(cache, "aaa@v1", 100);
        cached(cache, "bbb@v1", 100);
        cached(cache, "ccc@v1", 100);
        pinned.add(ref("aaa@v1"));
        cache.beginFetch(ref("bbb@v1"));
        // ccc's partial copy is the incoming version itself: it is replaced, not counted with the new bytes.
        assertThat(cache.makeRoom(ref("ccc@v1"), 100)).isEmpty();
        assertThat(cache.makeRoom(ref("ddd@v1"), 100)).containsExactly(ref("ccc@v1"));
        assertThat(cache.evict(ref("aaa@v1"))).as("attached").isFalse();
        assertThat(cache.evict(ref("bbb@v1"))).as("downloading").isFalse();
        assertThat(present(cache)).containsExactly("aaa@v1", "bbb@v1");

        cache.endFetch(ref("bbb@v1"));
        assertThat(cache.evict(ref("bbb@v1"))).isTrue();
        assertThat(present(cache)).containsExactly("aaa@v1");
    }

    @Test
    void whenEvenEveryAllowedEvictionIsNotEnoughNothingIsEvictedAndTheFiguresAreNamed() throws Exception {
        RepositoryCache cache = cache(300);
        cached(cache, "aaa@v1", 100);
        cached(cache, "bbb@v1", 100);
        pinned.add(ref("aaa@v1"));
        assertThatThrownBy(() -> cache.makeRoom(ref("big@v1"), 201))
                .isInstanceOf(RepositoryException.class)
                .hasMessageContaining("cannot hold big@v1").hasMessageContaining("versions in use keep 100 bytes")
                .extracting(e -> ((RepositoryException) e).reason()).isEqualTo(RepositoryException.Reason.NO_SPACE);
        assertThat(present(cache)).containsExactly("aaa@v1", "bbb@v1");
        assertThat(cache.makeRoom(ref("big@v1"), 200)).containsExactly(ref("bbb@v1"));
    }

    @Test
    void anInterruptedDownloadCountsAgainstTheBudgetAndIsNotComplete() throws Exception {
        RepositoryCache cache = cache(300);
        VersionRef partial = ref("aaa@v2");
        Files.createDirectories(cache.versionDir(partial));
        Files.write(cache.partialFile(partial), new byte[150]);
        Files.createDirectories(root.resolve("not a name").resolve("v1"));
        Files.createDirectories(root.resolve("aaa").resolve("latest"));
        assertThat(cache.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.ref()).isEqualTo(partial);
            assertThat(entry.complete()).isFalse();
            assertThat(entry.bytes()).isEqualTo(150);
        });
        assertThat(cache.cached(partial)).isEmpty();
        assertThat(cache.makeRoom(ref("bbb@v1"), 151)).containsExactly(partial);
        assertThat(cache.versionDir(partial)).doesNotExist();
    }
}
