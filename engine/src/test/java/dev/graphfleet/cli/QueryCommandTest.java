package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class QueryCommandTest {

    @TempDir
    Path dataDir;

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = GraphfleetCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void createsQueriesAndPrintsAnAlignedTableOrJson() {
        String dir = dataDir.toString();
        assertThat(run("query", "--data-dir", dir, "--db", "demo", "--create", "--memory-mb", "64",
                "CREATE NODE TABLE P(id INT64, name STRING, PRIMARY KEY(id))").code()).isZero();
        assertThat(run("query", "--data-dir", dir, "--db", "demo", "--memory-mb", "64",
                "CREATE (:P {id: $id, name: $name})", "-p", "id=1", "-p", "name=Ada Lovelace").code()).isZero();

        Run table = run("query", "--data-dir", dir, "--db", "demo", "--memory-mb", "64",
                "MATCH (p:P) RETURN p.id AS id, p.name AS name");
        assertThat(table.code()).isZero();
        assertThat(table.out()).isEqualTo("""
                id  name
                --  ------------
                1   Ada Lovelace
                (1 row)
                """);

        Run json = run("query", "--data-dir", dir, "--db", "demo", "--memory-mb", "64", "--json",
                "MATCH (p:P) RETURN p.id, p.name");
        assertThat(json.out().strip()).isEqualTo("{\"columns\":[\"p.id\",\"p.name\"],\"rows\":[[1,\"Ada Lovelace\"]]}");
    }

    @Test
    void userErrorsExitWithTwoAndEngineErrorsWithOne() {
        String dir = dataDir.toString();
        Run missing = run("query", "--data-dir", dir, "--db", "nope", "RETURN 1");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no database nope").contains("--create");

        Run badName = run("query", "--data-dir", dir, "--db", "../etc", "RETURN 1");
        assertThat(badName.code()).isEqualTo(2);
        assertThat(badName.err()).contains("invalid database name '../etc'");

        run("query", "--data-dir", dir, "--db", "demo", "--create", "--memory-mb", "64", "RETURN 1");
        Run binder = run("query", "--data-dir", dir, "--db", "demo", "--memory-mb", "64", "MATCH (x:Nope) RETURN x");
        assertThat(binder.code()).isEqualTo(1);
        assertThat(binder.err()).contains("Table Nope does not exist");

        assertThat(run("query", "--db", "demo").code()).isEqualTo(2);
    }
}
