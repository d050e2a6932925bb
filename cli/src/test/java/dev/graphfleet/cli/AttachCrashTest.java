package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.testing.CliProcess;
import dev.graphfleet.testing.FaultProxy;
import dev.graphfleet.testing.S3Server;
import dev.graphfleet.testing.cli.Databases;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code graphfleet attach} in a real child JVM killed with SIGKILL (no shutdown hook, no cleanup,
 * as a crash or the OOM killer would) in the middle of a download and in the middle of attaching;
 * the next start on the same data volume recovers without anyone cleaning up: the stale lock,
 * partial file and journal are dealt with, the repository attaches and answers.
 */
class AttachCrashTest {

    @RegisterExtension
    static final S3Server S3 = S3Server.withBuckets("crash");
    private static final Map<String, String> CREDENTIALS = Map.of("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY, "AWS_REGION", "us-east-1");

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    @BeforeAll
    static void publish() {
        System.setProperty("aws.accessKeyId", S3Server.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3Server.SECRET_KEY);
        Path master = shared.resolve("master");
        try (GraphPool writer = Databases.writer(master, 1)) {
            writer.query("sec", "CREATE NODE TABLE Filing(id INT64, PRIMARY KEY(id))");
            writer.query("sec", "UNWIND range(1, 2000) AS i CREATE (:Filing {id: i})");
        }
        CliRun pack = CliRun.of("repo", "pack", "--db", master.resolve("sec.kuzu").toString(), "--name", "sec",
                "--to", "s3://crash/prod", "--endpoint", S3.endpoint().toString(), "--path-style");
        assertThat(pack.code()).as(pack.err()).isZero();
    }

    @AfterAll
    static void clearCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private CliProcess attach(URI endpoint, Path dataDir) {
        return CliProcess.start(CREDENTIALS, "attach", "--store", "s3://crash/prod", "--repos", "sec",
                "--data-dir", dataDir.toString(), "--memory-mb", "64", "--attempts", "1",
                "--endpoint", endpoint.toString(), "--path-style");
    }

    @Test
    void killedMidDownloadTheNextStartRecovers() throws Exception {
        Path dataDir = temp.resolve("replica");
        try (FaultProxy proxy = FaultProxy.start(S3.endpoint())) {
            CountDownLatch arrived = new CountDownLatch(1);
            CountDownLatch never = new CountDownLatch(1);
            proxy.inject(r -> r.isGetOf("/data.kuzu"), new FaultProxy.Fault.Hold(arrived, never), 1);
            try (CliProcess crashing = attach(proxy.endpoint(), dataDir)) {
                assertThat(arrived.await(60, TimeUnit.SECONDS)).as(crashing.output()).isTrue(); // data is being fetched
                assertThat(crashing.kill()).isEqualTo(128 + 9);
            }
            never.countDown();
            assertThat(leftovers(dataDir)).as("what the crash left").anyMatch(name -> name.endsWith(".partial"));

            assertRecovers(dataDir, proxy.endpoint());
        }
    }

    @Test
    void killedMidAttachTheNextStartRecovers() throws Exception {
        Path dataDir = temp.resolve("replica");
        try (CliProcess crashing = attach(S3.endpoint(), dataDir)) {
            crashing.awaitLine(Pattern.compile("sec +attaching"), 60);
            assertThat(crashing.kill()).isEqualTo(128 + 9);
        }
        assertRecovers(dataDir, S3.endpoint());
    }

    private void assertRecovers(Path dataDir, URI endpoint) throws Exception {
        try (CliProcess restarted = attach(endpoint, dataDir)) {
            int code = restarted.awaitExit(120);
            assertThat(code).as(restarted.output()).isZero();
            assertThat(restarted.output()).containsPattern("sec +attached +v1 +1 ");
        }
        assertThat(leftovers(dataDir)).noneMatch(name -> name.endsWith(".partial") || name.endsWith(".parts"));
    }

    private static List<String> leftovers(Path dataDir) throws Exception {
        if (!Files.exists(dataDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.map(path -> dataDir.relativize(path).toString()).toList();
        }
    }
}
