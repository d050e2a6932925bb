package dev.graphfleet.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySizeSourceTest {

    @TempDir
    Path dataDir;

    @Test
    void countsDatabaseFilesWithTheirSidecarsAndNothingElse() throws Exception {
        write("alpha.kuzu", 100);
        write("alpha.kuzu.wal", 50);
        write("beta.kuzu", 10);
        write("Bad-Name.kuzu", 1_000);   // not an identifier: not a database
        write("gamma.kuzu.wal", 7);       // a sidecar without its database
        write("notes.txt", 1_000);
        Files.createDirectories(dataDir.resolve(".engine"));
        write(".engine/spill.kuzu", 1_000);  // the engine home is not descended into
        Files.createDirectories(dataDir.resolve("backup.kuzu")); // a directory is not a database

        DirectorySizeSource source = new DirectorySizeSource(dataDir, ".kuzu", 2, Duration.ZERO);
        assertThat(source.sizes()).containsOnly(
                java.util.Map.entry("alpha", 150L), java.util.Map.entry("beta", 10L));
    }

    @Test
    void listsTheDirectoryAgainOnlyWhenItChanged() throws Exception {
        write("alpha.kuzu", 100);
        settle();
        DirectorySizeSource source = new DirectorySizeSource(dataDir, ".kuzu", 1_000, Duration.ZERO);
        assertThat(source.sizes()).containsEntry("alpha", 100L);
        assertThat(source.listings()).isEqualTo(1);

        Files.write(dataDir.resolve("alpha.kuzu"), new byte[20], java.nio.file.StandardOpenOption.APPEND);
        assertThat(source.sizes()).containsEntry("alpha", 120L); // growth is seen by a stat, not a listing
        assertThat(source.listings()).isEqualTo(1);

        write("beta.kuzu", 5);
        assertThat(source.sizes()).containsEntry("beta", 5L);
        assertThat(source.listings()).isEqualTo(2);

        Files.delete(dataDir.resolve("alpha.kuzu"));
        assertThat(source.sizes()).doesNotContainKey("alpha");
    }

    @Test
    void aListingInTheSameTickAsAChangeIsNotTrusted() throws Exception {
        write("alpha.kuzu", 100); // the directory's time is "now": a change in this tick could hide
        DirectorySizeSource source = new DirectorySizeSource(dataDir, ".kuzu", 1_000, Duration.ZERO);
        source.sizes();
        source.sizes();
        assertThat(source.listings()).isEqualTo(2);
    }

    @Test
    void aMissingDirectoryIsAnErrorNotANodeWithoutDatabases() {
        DirectorySizeSource source = new DirectorySizeSource(dataDir.resolve("absent"), ".kuzu", 10, Duration.ZERO);
        org.assertj.core.api.Assertions.assertThatThrownBy(source::sizes)
                .isInstanceOf(java.nio.file.NoSuchFileException.class)
                .hasMessageContaining(dataDir.resolve("absent").toString())
                .hasMessageContaining("the data directory is gone");
    }

    private void write(String name, int bytes) throws Exception {
        Files.write(dataDir.resolve(name), new byte[bytes]);
    }

    /** Dates the directory a minute back, as if its last change were long past. */
    private void settle() throws Exception {
        Files.setLastModifiedTime(dataDir, FileTime.from(Instant.now().minusSeconds(60)));
    }
}
