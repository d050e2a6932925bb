package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryCommandTest {

    @TempDir
    Path dataDir;


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void createsQueriesAndPrintsAnAlignedTableOrJson() {
        String dir = dataDir.toString();
        assertThat(run("query", "--data-dir", dir, "--db", "demo", "--create", "--memory-mb", "64",
                "CREATE NODE TABLE P(id INT64, name STRING, PRIMARY KEY(id))").code()).isZero();
        assertThat(run("query", "--data-dir", dir, "--db", "demo", "--memory-mb", "64",
                "CREATE (:P {id: $id, name: $name})", "-p", "id=1", "-p", "name=Ada Lovelace").code()).isZero();

        CliRun table = run("query", "--data-dir", dir, "--db", "demo", "--memory-mb", "64",
                "MATCH (p:P) RETURN p.id AS id, p.name AS name");
        assertThat(table.code()).isZero();
        assertThat(table.out()).isEqualTo("""
                id  name
                --  ------------
                1   Ada Lovelace
                (1 row)
                """);

        CliRun json = run("query", "--data-dir", dir, "--db", "demo", "--memory-mb", "64", "--json",
                "MATCH (p:P) RETURN p.id, p.name");
        assertThat(json.out().strip()).isEqualTo("{\"columns\":[\"p.id\",\"p.name\"],\"rows\":[[1,\"Ada Lovelace\"]]}");
    }

    @Test
    void userErrorsExitWithTwoAndEngineErrorsWithOne() {
        String dir = dataDir.toString();
        CliRun missing = run("query", "--data-dir", dir, "--db", "nope", "RETURN 1");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no database nope").contains("--create");

        CliRun badName = run("query", "--data-dir", dir, "--db", "../etc", "RETURN 1");
        assertThat(badName.code()).isEqualTo(2);
        assertThat(badName.err()).contains("invalid database name '../etc'");

        run("query", "--data-dir", dir, "--db", "demo", "--create", "--memory-mb", "64", "RETURN 1");
        CliRun binder = run("query", "--data-dir", dir, "--db", "demo", "--memory-mb", "64", "MATCH (x:Nope) RETURN x");
        assertThat(binder.code()).isEqualTo(1);
        assertThat(binder.err()).contains("Table Nope does not exist");

        assertThat(run("query", "--db", "demo").code()).isEqualTo(2);
    }
}
