package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.repo.Sha256;
import dev.graphfleet.testing.FaultProxy;
import dev.graphfleet.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code graphfleet repo push|list|fetch} end to end, against s3proxy and a directory store. */
class RepoCommandTest {

    @RegisterExtension
    static final CliS3 S3 = CliS3.withBuckets("cli-repos");

    @TempDir
    Path temp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static String[] s3(String... args) {
        return S3.withEndpoint(args);
    }

    @Test
    void pushListFetchAgainstS3() throws Exception {
        Path file = TestFiles.random(temp.resolve("sec.kuzu"), 3_000_000, 1);

        CliRun push1 = run(s3("repo", "push", "--file", file.toString(), "--name", "sec", "--to", "s3://cli-repos/prod"));
        CliRun push2 = run(s3("repo", "push", "--file", file.toString(), "--name", "sec", "--to", "s3://cli-repos/prod",
                "--engine-version", "0.11.2"));
        assertThat(push1.code()).as(push1.err()).isZero();
        assertThat(push1.out()).contains("published sec v1 to s3://cli-repos/prod (2.9 MiB, sha256 " + Sha256.of(file)
                + ", engine 0.11.2)");
        assertThat(push2.out()).contains("published sec v2");

        CliRun list = run(s3("repo", "list", "--store", "s3://cli-repos/prod"));
        assertThat(list.code()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines.get(0)).matches("REPOSITORY +VERSION +SIZE +PUBLISHED +CURRENT");
        assertThat(lines.get(1)).matches("sec +v1 +2\\.9 MiB +\\d{4}-\\d\\d-\\d\\dT[\\d:]+Z");
        assertThat(lines.get(2)).matches("sec +v2 +2\\.9 MiB +\\S+ +\\*");

        CliRun fetch = run(s3("repo", "fetch", "--store", "s3://cli-repos/prod", "--name", "sec",
                "--cache", temp.resolve("cache").toString(), "--part-size", "512k", "--parallelism", "4"));
        assertThat(fetch.code()).as(fetch.err()).isZero();
        Path fetched = temp.resolve("cache/sec/v2/data.kuzu");
        assertThat(fetch.out()).contains("fetched sec v2 (2.9 MiB, sha256 verified): " + fetched);
        assertThat(fetch.err()).contains("sec v2: downloading", "sec v2: verifying", "sec v2: done        2.9 MiB / 2.9 MiB (100%)");
        assertThat(Sha256.of(fetched)).isEqualTo(Sha256.of(file));

        CliRun older = run(s3("repo", "fetch", "--store", "s3://cli-repos/prod", "--name", "sec", "--repo-version", "v1",
                "--cache", temp.resolve("cache").toString()));
        assertThat(older.out()).contains("fetched sec v1");
        CliRun again = run(s3("repo", "fetch", "--store", "s3://cli-repos/prod", "--name", "sec",
                "--cache", temp.resolve("cache").toString()));
        assertThat(again.out()).contains("already cached sec v2");
    }

    @Test
    void badNamesAreUsageErrorsAndNothingReachesTheStore() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(S3.endpoint())) {
            for (String bad : List.of("sec; DROP", "../x", "'sec'", "s\u0435c", "")) {
                CliRun fetch = run("repo", "fetch", "--store", "s3://cli-repos/prod", "--name", bad, "--cache",
                        temp.resolve("cache").toString(), "--endpoint", proxy.endpoint().toString(), "--path-style");
                CliRun push = run("repo", "push", "--file", temp.resolve("missing").toString(), "--name", bad,
                        "--to", "s3://cli-repos/prod", "--endpoint", proxy.endpoint().toString(), "--path-style");
                assertThat(fetch.code()).isEqualTo(2);
                assertThat(push.code()).isEqualTo(2);
                assertThat(fetch.err()).contains("graphfleet: --name:");
            }
            assertThat(proxy.requestCount()).isZero();
        }
        assertThat(temp.resolve("cache")).doesNotExist();
    }

    @Test
    void aDirectoryStoreWorksTheSameWay() throws Exception {
        Path store = Files.createDirectory(temp.resolve("store"));
        Path file = TestFiles.random(temp.resolve("industry.kuzu"), 10_000, 2);

        assertThat(run("repo", "push", "--file", file.toString(), "--name", "industry", "--to", store.toUri().toString())
                .code()).isZero();
        assertThat(run("repo", "list", "--store", "file://" + store).out()).contains("industry").contains("*");
        CliRun fetch = run("repo", "fetch", "--store", "file://" + store, "--name", "industry", "--cache",
                temp.resolve("cache").toString());
        assertThat(fetch.code()).as(fetch.err()).isZero();
        assertThat(temp.resolve("cache/industry/v1/data.kuzu")).hasSameBinaryContentAs(file);
    }

    @Test
    void storeAndOptionErrorsAreClear() {
        CliRun scheme = run("repo", "list", "--store", "gs://bucket");
        assertThat(scheme.code()).isEqualTo(2);
        assertThat(scheme.err()).contains("--store: unsupported store 'gs'");

        CliRun fileWithEndpoint = run("repo", "list", "--store", "file:///tmp", "--endpoint", "http://x:1");
        assertThat(fileWithEndpoint.code()).isEqualTo(2);
        assertThat(fileWithEndpoint.err()).contains("apply to s3:// stores only");

        CliRun size = run("repo", "fetch", "--store", "file:///tmp", "--name", "sec", "--cache", "/tmp/c", "--part-size", "lots");
        assertThat(size.code()).isEqualTo(2);
        assertThat(size.err()).contains("'lots' is not a size");

        CliRun missing = run("repo", "fetch", "--store", "file://" + temp, "--name", "sec", "--cache", temp.resolve("c").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("repository 'sec' is not in file://" + temp);
    }
}
