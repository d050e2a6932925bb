package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.testing.S3Server;
import dev.graphfleet.testing.cli.Databases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code repo pack} then {@code attach}, end to end against a real S3-compatible server. */
class PackAndAttachCommandTest {

    @RegisterExtension
    static final CliS3 S3 = CliS3.withBuckets("shared");

    @TempDir
    Path temp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static String[] s3(String... args) {
        return S3.withEndpoint(args);
    }

    /** A writer's database with uncheckpointed writes still in its WAL, as a real master would have. */
    private Path database(String name, int facts) {
        Path dir = temp.resolve("master");
        try (GraphPool writer = Databases.writer(dir, 1)) {
            writer.query(name, "CREATE NODE TABLE Fact(id INT64, PRIMARY KEY(id))");
            writer.query(name, "UNWIND range(1, " + facts + ") AS i CREATE (:Fact {id: i})");
        }
        return dir.resolve(name + ".kuzu");
    }

    @Test
    void packedRepositoriesAttachFromS3AndAMissingOneFailsNamingWhy() {
        for (String name : List.of("sec", "industry")) {
            CliRun pack = run(s3("repo", "pack", "--db", database(name, 500).toString(), "--name", name,
                    "--to", "s3://shared/prod"));
            assertThat(pack.code()).as(pack.err()).isZero();
            assertThat(pack.out()).startsWith("published " + name + " v1 (");
        }

        CliRun attach = run(s3("attach", "--store", "s3://shared/prod", "--repos", "sec,industry",
                "--data-dir", temp.resolve("replica").toString(), "--memory-mb", "64"));
        assertThat(attach.code()).as(attach.err()).isZero();
        assertThat(attach.out()).containsPattern("industry +attached +v1 +1 ")
                .containsPattern("sec +attached +v1 +1 ");
        assertThat(attach.err()).contains("sec          downloading").contains("sec          verifying");

        CliRun partial = run(s3("attach", "--store", "s3://shared/prod", "--repos", "sec,economic",
                "--data-dir", temp.resolve("replica2").toString(), "--memory-mb", "64", "--attempts", "2",
                "--backoff-s", "0"));
        assertThat(partial.code()).isEqualTo(1);
        assertThat(partial.out()).containsPattern("sec +attached").containsPattern("economic +failed +- +2 ");
        assertThat(partial.err()).contains("1 repository(ies) failed to attach: economic: ")
                .contains("economic").doesNotContain(S3Server.SECRET_KEY);

        CliRun bad = run(s3("attach", "--store", "s3://shared/prod", "--repos", "sec,../etc"));
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("invalid repository name '../etc'");
    }
}
