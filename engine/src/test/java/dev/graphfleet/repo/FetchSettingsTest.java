package dev.graphfleet.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The limits of the fetch settings and store addresses an operator or a caller can get wrong: each
 * accepted exactly at its edge and refused one past it, with a message that says what is allowed.
 */
class FetchSettingsTest {

    @Test
    void partSizeAndParallelismAreAcceptedAtTheirEdgesAndRefusedOnePast() {
        FetchOptions defaults = FetchOptions.defaults();
        assertThat(defaults.partSizeBytes()).isEqualTo(8L << 20);
        assertThat(defaults.parallelism()).isEqualTo(8);
        assertThat(defaults.retry()).isEqualTo(RetryPolicy.DEFAULT);

        assertThat(defaults.withPartSize(1).partSizeBytes()).isEqualTo(1);
        assertThatThrownBy(() -> defaults.withPartSize(0))
                .hasMessage("fetch part size must be at least 1 byte (found 0)");
        assertThat(defaults.withParallelism(1).parallelism()).isEqualTo(1);
        assertThat(defaults.withParallelism(256).parallelism()).isEqualTo(256);
        assertThatThrownBy(() -> defaults.withParallelism(0)).hasMessage("fetch parallelism must be 1 to 256 (found 0)");
        assertThatThrownBy(() -> defaults.withParallelism(257)).hasMessage("fetch parallelism must be 1 to 256 (found 257)");
        assertThatThrownBy(() -> defaults.withRetry(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> defaults.withFreeSpace(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> defaults.withSleeper(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void retryDelaysMustRunFromZeroUpToTheirCap() {
        assertThat(new RetryPolicy(1, Duration.ZERO, Duration.ZERO).maxAttempts()).isEqualTo(1);
        assertThat(new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(5)).delayBefore(2))
                .isEqualTo(Duration.ofMillis(5));
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofMillis(-1), Duration.ZERO))
                .hasMessage("retry delays must satisfy 0 <= initial <= max (found PT-0.001S, PT0S)");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(9)))
                .hasMessageContaining("0 <= initial <= max");
        assertThatThrownBy(() -> new RetryPolicy(2, null, Duration.ZERO)).hasMessageContaining("0 <= initial <= max");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ZERO, null)).hasMessageContaining("0 <= initial <= max");
        assertThat(RetryPolicy.immediate(4)).isEqualTo(new RetryPolicy(4, Duration.ZERO, Duration.ZERO));
        assertThat(RetryPolicy.DEFAULT.delayBefore(0)).isEqualTo(Duration.ZERO);
        // An initial wait above half the cap reaches the cap at the next doubling, not beyond it.
        RetryPolicy policy = new RetryPolicy(9, Duration.ofMillis(300), Duration.ofMillis(500));
        assertThat(List.of(2, 3, 9)).map(policy::delayBefore)
                .containsExactly(Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void anObjectSplitsIntoWholePartsAndAPartSizeThatMakesTooManyIsRefused() {
        assertThat(PartPlan.split(10, 10)).containsExactly(new PartPlan.Part(0, 0, 10));
        assertThat(PartPlan.split(1, 10)).containsExactly(new PartPlan.Part(0, 0, 1));
        assertThat(PartPlan.split(11, 10)).extracting(PartPlan.Part::length).containsExactly(10L, 1L);
        assertThatThrownBy(() -> PartPlan.split(-1, 10)).hasMessage("cannot split -1 bytes into parts of 10");
        assertThatThrownBy(() -> PartPlan.split(10, 0)).hasMessage("cannot split 10 bytes into parts of 0");
        assertThatThrownBy(() -> PartPlan.split(1L << 31, 1)).hasMessage("part size 1 is too small for 2147483648 bytes");
    }

    @Test
    void byteCountsSwitchUnitsAtEachPowerOf1024AndStopAtPebibytes() {
        assertThat(Bytes.human(1023)).isEqualTo("1023 B");
        assertThat(Bytes.human(1024)).isEqualTo("1.0 KiB");
        assertThat(Bytes.human((1L << 20) - 1)).isEqualTo("1024.0 KiB");
        assertThat(Bytes.human(1L << 20)).isEqualTo("1.0 MiB");
        assertThat(Bytes.human(5L << 40)).isEqualTo("5.0 TiB");
        assertThat(Bytes.human(2048L << 50)).isEqualTo("2048.0 PiB");
        assertThat(Bytes.show(1023)).isEqualTo("1023 bytes");
        assertThat(Bytes.show(1024)).isEqualTo("1.0 KiB (1024 bytes)");
    }

    @Test
    void aBoundedStreamEndsAtItsLengthWhetherReadByteByByteOrInBlocks() throws Exception {
        InputStream bytes = new BoundedInputStream(new ByteArrayInputStream(new byte[] {1, 2, 3, 4}), 2);
        assertThat(bytes.read()).isEqualTo(1);
        assertThat(bytes.read()).isEqualTo(2);
        assertThat(bytes.read()).isEqualTo(-1);

        InputStream blocks = new BoundedInputStream(new ByteArrayInputStream(new byte[] {1, 2, 3, 4}), 3);
        byte[] buffer = new byte[10];
        assertThat(blocks.read(buffer, 0, 10)).isEqualTo(3);
        assertThat(blocks.read(buffer, 0, 10)).isEqualTo(-1);

        InputStream zeros = new BoundedInputStream(new ByteArrayInputStream(new byte[4]), 2);
        assertThat(zeros.read()).isZero();
        assertThat(zeros.read()).isZero();
        assertThat(zeros.read()).as("zero bytes count too").isEqualTo(-1);

        InputStream shortSource = new BoundedInputStream(new ByteArrayInputStream(new byte[] {7}), 5);
        assertThat(shortSource.read()).isEqualTo(7);
        assertThat(shortSource.read()).as("the source ended first").isEqualTo(-1);
        assertThat(shortSource.read(buffer, 0, 10)).isEqualTo(-1);
    }

    @Test
    void storeAddressesRefuseWhatS3AndTheFileSystemWouldNot() {
        assertThatThrownBy(() -> StoreUri.parse("s3://my..bucket/x")).hasMessageContaining("invalid S3 bucket name 'my..bucket'");
        assertThatThrownBy(() -> StoreUri.parse("s3://192.168.1.10/x")).hasMessageContaining("invalid S3 bucket name");
        assertThatThrownBy(() -> StoreUri.parse("s3://b12/./x")).hasMessageContaining("invalid S3 prefix './x'");
        assertThatThrownBy(() -> StoreUri.parse("file:///var/repos?x=1")).hasMessageContaining("not an absolute directory");
        assertThatThrownBy(() -> StoreUri.parse("file:///var/repos#top")).hasMessageContaining("not an absolute directory");
        assertThatThrownBy(() -> StoreUri.parse("file:///var/re pos")).hasMessageContaining("is not a valid URI");
        assertThatThrownBy(() -> new StoreUri.Local(Path.of("relative"))).hasMessageContaining("must be absolute");
        assertThatThrownBy(() -> StoreUri.parse("  ")).hasMessageContaining("store URI is empty");
        assertThatThrownBy(() -> StoreUri.parse(null)).hasMessageContaining("store URI is empty");
        assertThatThrownBy(() -> StoreUri.parse("repos")).hasMessageContaining("unsupported store 'repos'");
        assertThatThrownBy(() -> StoreUri.parse(":repos")).hasMessageContaining("unsupported store ':repos'");

        assertThat(StoreUri.parse("  s3://bucket//  ")).isEqualTo(new StoreUri.S3("bucket", ""));
        assertThat(new StoreUri.S3("bucket", null).prefix()).isEmpty();
        assertThat(StoreUri.parse("file:///var/a/../repos")).isEqualTo(new StoreUri.Local(Path.of("/var/repos")));
        assertThat(new StoreUri.Local(Path.of("/srv/my repos")).toString()).isEqualTo("file:///srv/my%20repos");
    }

    @Test
    void onlyTheLayoutsKeysBelongToARepository() {
        RepositoryName sec = RepositoryName.of("sec");
        assertThat(StoreLayout.parse("sec/manifest.json")).contains(
                new StoreLayout.Entry(sec, java.util.Optional.empty(), StoreLayout.Kind.POINTER));
        assertThat(StoreLayout.parse("sec/v2/manifest.json")).contains(
                new StoreLayout.Entry(sec, java.util.Optional.of(new Version(2)), StoreLayout.Kind.MANIFEST));
        assertThat(StoreLayout.parse("sec/v2/data.kuzu")).contains(
                new StoreLayout.Entry(sec, java.util.Optional.of(new Version(2)), StoreLayout.Kind.DATA));
        for (String other : List.of("sec/v2/data.kuzu.tmp-1", "sec/latest/data.kuzu", "Sec/manifest.json",
                "sec/data.kuzu", "sec/v2/x/data.kuzu", "manifest.json", "sec/v0/manifest.json")) {
            assertThat(StoreLayout.parse(other)).as(other).isEmpty();
        }
        assertThatThrownBy(() -> new Version(0)).hasMessage("version number must be at least 1 (found 0)");
        assertThat(Version.isValid("v7")).isTrue();
        assertThat(Version.isValid(null)).isFalse();
        assertThatThrownBy(() -> Version.parse(null)).hasMessageContaining("invalid version (none)");
    }

    @Test
    void onlyANetworkErrorIsWorthRetrying() {
        for (RepositoryException.Reason reason : RepositoryException.Reason.values()) {
            assertThat(new RepositoryException(reason, "x").retryable()).as(reason.name())
                    .isEqualTo(reason == RepositoryException.Reason.TRANSIENT);
        }
        FetchProgress empty = new FetchProgress(new VersionRef(RepositoryName.of("sec"), Version.FIRST),
                FetchProgress.Phase.DONE, 0, 0);
        assertThat(empty.fraction()).isEqualTo(1.0);
        assertThat(new FetchProgress(empty.ref(), FetchProgress.Phase.DOWNLOADING, 1, 4).fraction()).isEqualTo(0.25);
    }
}
