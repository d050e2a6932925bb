package dev.graphfleet.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NamesAndUrisTest {

    @ParameterizedTest
    @ValueSource(strings = {"sec", "a", "industry_2024", "economic", "x123456789012345678901234567890123456789012345678901234567890ab"})
    void identifiersAreRepositoryNames(String name) {
        assertThat(RepositoryName.of(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sec; DROP", "../x", "sec'", "sec\"", "Sec", "1sec", "_sec", "sec-prod", "sec/v1", "sec ",
            "x1234567890123456789012345678901234567890123456789012345678901abc", "s\u0435c", "\u0455ec"})
    void anythingElseIsRejectedWithTheRule(String name) {
        assertThatThrownBy(() -> RepositoryName.of(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid repository name")
                .hasMessageContaining("lowercase ASCII letter first");
    }

    @Test
    void lookAlikesAreShownEscapedAndEmptyNamesExplained() {
        assertThatThrownBy(() -> RepositoryName.of("s\u0435c")).hasMessageContaining("'s\\u0435c'");
        assertThatThrownBy(() -> RepositoryName.of("")).hasMessageContaining("repository name is empty");
        assertThatThrownBy(() -> RepositoryName.of(null)).hasMessageContaining("repository name is empty");
    }

    @Test
    void versionsParseAndOrderByNumber() {
        assertThat(Version.parse("v10")).isGreaterThan(Version.parse("v9"));
        assertThat(Version.parse("v1").next()).isEqualTo(Version.parse("v2"));
        assertThat(Version.parse("v123").toString()).isEqualTo("v123");
        for (String bad : List.of("v0", "v01", "3", "V3", "v-1", "v1/..", "", "v")) {
            assertThatThrownBy(() -> Version.parse(bad)).hasMessageContaining("expected 'v' followed by a positive number");
        }
    }

    @Test
    void storeUrisParseBothForms() {
        assertThat(StoreUri.parse("s3://bucket/prod/graphs/")).isEqualTo(new StoreUri.S3("bucket", "prod/graphs"));
        assertThat(StoreUri.parse("s3://my.bucket-1")).isEqualTo(new StoreUri.S3("my.bucket-1", ""));
        assertThat(new StoreUri.S3("b12", "p").key("sec/manifest.json")).isEqualTo("p/sec/manifest.json");
        assertThat(new StoreUri.S3("b12", "").key("sec/manifest.json")).isEqualTo("sec/manifest.json");
        assertThat(StoreUri.parse("file:///var/repos")).isEqualTo(new StoreUri.Local(Path.of("/var/repos")));
        assertThat(StoreUri.parse("file:/var/repos").toString()).isEqualTo("file:///var/repos");
        assertThat(StoreUri.parse("s3://bucket/prefix").toString()).isEqualTo("s3://bucket/prefix");
    }

    @Test
    void badStoreUrisSayWhatIsAccepted() {
        assertThatThrownBy(() -> StoreUri.parse("")).hasMessageContaining("store URI is empty; use s3://bucket/prefix or file:///absolute/dir");
        assertThatThrownBy(() -> StoreUri.parse("gs://bucket")).hasMessageContaining("unsupported store 'gs'");
        assertThatThrownBy(() -> StoreUri.parse("/var/repos")).hasMessageContaining("did you mean file:///var/repos");
        assertThatThrownBy(() -> StoreUri.parse("file://host/var")).hasMessageContaining("names a host");
        assertThatThrownBy(() -> StoreUri.parse("file:relative")).hasMessageContaining("not an absolute directory");
        assertThatThrownBy(() -> StoreUri.parse("s3://")).hasMessageContaining("has no bucket");
        assertThatThrownBy(() -> StoreUri.parse("s3://Bucket_1/x")).hasMessageContaining("invalid S3 bucket name 'Bucket_1'");
        assertThatThrownBy(() -> StoreUri.parse("s3://b12/a//b")).hasMessageContaining("invalid S3 prefix 'a//b'");
        assertThatThrownBy(() -> StoreUri.parse("s3://b12/../x")).hasMessageContaining("no empty, '.' or '..' segments");
    }

    @Test
    void retryDelaysDoubleUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(200), Duration.ofMillis(1000));
        assertThat(List.of(1, 2, 3, 4, 5, 6)).map(policy::delayBefore).containsExactly(Duration.ZERO,
                Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofMillis(1000),
                Duration.ofMillis(1000));
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO)).hasMessageContaining("at least 1");
    }

    @Test
    void objectsSplitIntoPartsWithAShortLastOne() {
        assertThat(PartPlan.split(0, 10)).isEmpty();
        assertThat(PartPlan.split(20, 10)).containsExactly(new PartPlan.Part(0, 0, 10), new PartPlan.Part(1, 10, 10));
        assertThat(PartPlan.split(21, 10)).last().isEqualTo(new PartPlan.Part(2, 20, 1));
    }

    @Test
    void byteCountsReadWell() {
        assertThat(Bytes.human(512)).isEqualTo("512 B");
        assertThat(Bytes.human(3L << 30)).isEqualTo("3.0 GiB");
        assertThat(Bytes.show(1536)).isEqualTo("1.5 KiB (1536 bytes)");
    }

    @Test
    void aRejectedValueIsShownUpTo80CharactersWithControlAndQuoteCharactersEscaped() {
        assertThat(RepositoryName.quoted("a".repeat(80))).isEqualTo("'" + "a".repeat(80) + "'");
        assertThat(RepositoryName.quoted("a".repeat(81))).isEqualTo("'" + "a".repeat(80) + "...'");
        assertThat(RepositoryName.quoted("b".repeat(200))).hasSize(80 + 5);
        assertThat(RepositoryName.quoted(" ~")).isEqualTo("' ~'");
        assertThat(RepositoryName.quoted("\u001f\u007f'\\")).isEqualTo("'\\u001f\\u007f\\u0027\\u005c'");
    }

    @Test
    void anS3AddressWithoutABucketOrPrefixSaysSo() {
        assertThatThrownBy(() -> StoreUri.parse("s3:///prefix")).hasMessageContaining("has no bucket");
        assertThat(StoreUri.parse("s3://bucket/").toString()).isEqualTo("s3://bucket");
        assertThat(new StoreUri.S3("bucket", null).toString()).isEqualTo("s3://bucket");
    }

    @Test
    void theFirstAttemptNeverWaitsAndAPartOfOneByteIsAllowed() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofMillis(1000));
        assertThat(policy.delayBefore(1)).isZero();
        assertThat(policy.delayBefore(0)).isZero();
        assertThat(PartPlan.split(3, 1)).hasSize(3).last().isEqualTo(new PartPlan.Part(2, 2, 1));
    }
}
