package dev.graphfleet.repo.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.repo.FetchOptions;
import dev.graphfleet.repo.FetchProgress;
import dev.graphfleet.repo.FetchResult;
import dev.graphfleet.repo.Manifest;
import dev.graphfleet.repo.RepositoryCache;
import dev.graphfleet.repo.RepositoryException;
import dev.graphfleet.repo.RepositoryException.Reason;
import dev.graphfleet.repo.RepositoryFetcher;
import dev.graphfleet.repo.RepositoryListing;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.RetryPolicy;
import dev.graphfleet.repo.Sha256;
import dev.graphfleet.repo.StoreUri;
import dev.graphfleet.repo.Version;
import dev.graphfleet.testing.FaultProxy;
import dev.graphfleet.testing.S3Server;
import dev.graphfleet.testing.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;

class S3RepositoryStoreTest {

    @RegisterExtension
    static final S3Server S3 = S3Server.withBuckets("repos", "plain");

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private S3RepositoryStore store(String uri) {
        return new S3RepositoryStore(S3.client(), (StoreUri.S3) StoreUri.parse(uri), S3Settings.forCompatibleEndpoint(S3.endpoint(), S3.credentials()), CLOCK);
    }

    @Test
    void publishListFetchGivesTheSameBytes() throws Exception {
        Path file = TestFiles.random(temp.resolve("sec.kuzu"), 3_000_000, 1);
        try (S3RepositoryStore store = store("s3://repos/prod/graphs")) {
            Manifest first = store.publish(RepositoryName.of("sec"), file, "0.11.2");
            Manifest second = store.publish(RepositoryName.of("sec"), file, "0.11.2");
            store.publish(RepositoryName.of("industry"), TestFiles.random(temp.resolve("i.kuzu"), 1000, 2), "0.11.2");

            assertThat(first.version()).isEqualTo(Version.parse("v1"));
            assertThat(second.version()).isEqualTo(Version.parse("v2"));
            assertThat(second.sha256()).isEqualTo(Sha256.of(file));
            assertThat(second.createdAt()).isEqualTo(CLOCK.instant());
            assertThat(S3.client().headObject(r -> r.bucket("repos").key("prod/graphs/sec/v2/data.kuzu"))
                    .contentLength()).isEqualTo(3_000_000);

            List<RepositoryListing> listing = store.list();
            assertThat(listing).extracting(l -> l.name().value()).containsExactly("industry", "sec");
            RepositoryListing sec = listing.get(1);
            assertThat(sec.current()).contains(Version.parse("v2"));
            assertThat(sec.versions()).extracting(v -> v.version().toString()).containsExactly("v1", "v2");
            assertThat(sec.versions()).allSatisfy(v -> assertThat(v.sizeBytes()).isEqualTo(3_000_000));
            assertThat(sec.problem()).isEmpty();

            assertThat(store.current(RepositoryName.of("sec"))).isEqualTo(second);
            assertThat(store.manifest(RepositoryName.of("sec"), Version.parse("v1"))).isEqualTo(first);

            List<FetchProgress> progress = new ArrayList<>();
            RepositoryCache cache = new RepositoryCache(temp.resolve("cache"), 1L << 30, Set::of, CLOCK);
            FetchResult result = new RepositoryFetcher(store, cache,
                    FetchOptions.defaults().withPartSize(256 * 1024).withParallelism(4)
                            .withRetry(RetryPolicy.immediate(2)))
                    .fetchCurrent(RepositoryName.of("sec"), progress::add);

            assertThat(result.file()).isEqualTo(temp.resolve("cache/sec/v2/data.kuzu"));
            assertThat(Sha256.of(result.file())).isEqualTo(Sha256.of(file));
            assertThat(result.bytesDownloaded()).isEqualTo(3_000_000);
            assertThat(progress).extracting(FetchProgress::phase).contains(FetchProgress.Phase.DOWNLOADING,
                    FetchProgress.Phase.VERIFYING, FetchProgress.Phase.DONE);
            assertThat(progress.get(progress.size() - 1)).isEqualTo(new FetchProgress(second.ref(),
                    FetchProgress.Phase.DONE, 3_000_000, 3_000_000));
        }
    }

    @Test
    void largeFilesAreUploadedInParallelMultipartParts() throws Exception {
        Path file = TestFiles.random(temp.resolve("big.kuzu"), (11L << 20) + 7, 3);
        try (FaultProxy proxy = FaultProxy.start(S3.endpoint());
             S3RepositoryStore store = S3RepositoryStore.open(new StoreUri.S3("plain", ""),
                     S3Settings.forCompatibleEndpoint(proxy.endpoint(), S3.credentials()).withMultipart(5L << 20, 5L << 20, 3))) {
            Manifest manifest = store.publish(RepositoryName.of("economic"), file, "0.11.2");

            assertThat(proxy.exchanges()).filteredOn(e -> e.request().method().equals("PUT")
                            && e.request().target().contains("partNumber="))
                    .hasSize(3)
                    .allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
            assertThat(proxy.exchanges()).filteredOn(e -> e.request().method().equals("POST"))
                    .hasSize(2); // create and complete
            Path copy = temp.resolve("copy");
            try (var in = store.openRange(manifest, 0, manifest.sizeBytes())) {
                Files.copy(in, copy);
            }
            assertThat(Sha256.of(copy)).isEqualTo(Sha256.of(file));
        }
    }

    @Test
    void aManifestThatDoesNotMatchItsPlaceIsRejected() throws Exception {
        try (S3RepositoryStore store = store("s3://repos/tampered")) {
            store.publish(RepositoryName.of("sec"), TestFiles.random(temp.resolve("a"), 100, 4), "0.11.2");
            String industryJson = new String(S3.client().getObjectAsBytes(r -> r.bucket("repos")
                    .key("tampered/sec/v1/manifest.json")).asByteArray(), StandardCharsets.UTF_8);
            S3.client().putObject(r -> r.bucket("repos").key("tampered/sec/manifest.json"),
                    RequestBody.fromString(industryJson.replace("\"sha256\" : \"", "\"sha256\" : \"f")));

            assertThatThrownBy(() -> store.current(RepositoryName.of("sec")))
                    .isInstanceOf(RepositoryException.class)
                    .hasMessageContaining("s3://repos/tampered/sec/manifest.json")
                    .hasMessageContaining("sha256 must be 64 lowercase hex digits");
        }
    }

    @Test
    void missingRepositoryVersionAndBucketHaveClearErrors() throws Exception {
        try (S3RepositoryStore store = store("s3://repos/empty")) {
            assertThatThrownBy(() -> store.current(RepositoryName.of("sec")))
                    .isInstanceOf(RepositoryException.class)
                    .hasMessageContaining("repository 'sec' is not in s3://repos/empty")
                    .extracting(e -> ((RepositoryException) e).reason()).isEqualTo(Reason.NOT_FOUND);
            assertThatThrownBy(() -> store.manifest(RepositoryName.of("sec"), Version.parse("v9")))
                    .hasMessageContaining("has no version v9");
        }
        try (S3RepositoryStore store = store("s3://no-such-bucket/x")) {
            assertThatThrownBy(store::list)
                    .isInstanceOf(RepositoryException.class)
                    .hasMessageContaining("the bucket of s3://no-such-bucket/x does not exist");
        }
    }

    @Test
    void wrongCredentialsAreAnAccessErrorThatDoesNotShowTheSecret() throws Exception {
        S3Settings wrong = S3Settings.forCompatibleEndpoint(S3.endpoint(), S3.credentials()).withCredentials(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(S3Server.ACCESS_KEY, "not-the-secret-xyz")));
        try (S3RepositoryStore store = S3RepositoryStore.open(new StoreUri.S3("repos", ""), wrong)) {
            assertThatThrownBy(store::list)
                    .isInstanceOf(RepositoryException.class)
                    .satisfies(e -> {
                        assertThat(((RepositoryException) e).reason()).isEqualTo(Reason.ACCESS);
                        assertThat(e.getMessage()).contains("access denied").doesNotContain("not-the-secret-xyz");
                    });
        }
    }
}
