package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config validate} (and {@code serve --config}) pointed at something that is not a config:
 * a device, a FIFO or an oversized file is refused at once without reading it, and a foreign file
 * such as /etc/shadow is refused without printing any of its contents.
 */
class HostileConfigFileTest {

    private static final String SECRET = "s3cr3tSALT";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a FIFO with no writer would block a read forever
    void aFileThatIsNotRegularIsRefusedUnread() throws Exception {
        Path fifo = dir.resolve("config.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo").isTrue();
        for (String file : List.of("/dev/zero", fifo.toString())) {
            for (String[] args : List.of(new String[] {"config", "validate", file}, new String[] {"serve", "--config", file})) {
                CliRun run = CliRun.of(args);
                assertThat(run.code()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(2);
                assertThat(run.err()).as(String.join(" ", args)).contains("is not a regular file")
                        .contains("pass the path of a YAML config file").doesNotContain("\tat ");
            }
        }
    }

    @Test
    void aFileOverTheLimitIsRefused() throws Exception {
        Path big = dir.resolve("big.yml");
        Files.writeString(big, "environment: local\n" + "#".repeat(1024 * 1024) + "\n");
        CliRun run = CliRun.of("config", "validate", big.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("over the 1024 KiB limit");
    }

    @Test
    void aShadowFileIsRefusedWithoutItsSecrets() throws Exception {
        Path shadow = dir.resolve("shadow");
        Files.writeString(shadow, """
                root:$6$s3cr3tSALT$Zx9kq1Hh0s3cr3tSALTHASHHASHHASH.:19000:0:99999:7:::
                daemon:*:19000:0:99999:7:::
                """);
        CliRun run = CliRun.of("config", "validate", shadow.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("unknown key root…").contains("unknown key daemon…");
        assertThat(run.out() + run.err()).doesNotContain(SECRET).doesNotContain("$6$").doesNotContain("19000");
    }

    @Test
    void filesThatAreNotYamlAreRefusedWithoutQuotingThem() throws Exception {
        List<String> foreign = List.of(
                "-----BEGIN PRIVATE KEY-----\nMIIEvs3cr3tSALTIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n",
                "%TAG !s3cr3tSALT! tag:x\n--- !s3cr3tSALT!x y\n",
                "node: !s3cr3tSALT x\n",
                "node: !s3cr3tSALT!x y\n",
                "node: {id: !<s3cr3tSALT> x}\n",
                "x: \"\\q s3cr3tSALT\"\n",
                "{\"s3cr3tSALT\": \"s3cr3tSALT\", ",
                "a: b: s3cr3tSALT\n",
                "\ts3cr3tSALT: 1\n",
                "root: x\n?? s3cr3tSALT\n",
                "@s3cr3tSALT\n",
                "s3cr3tSALT: [1, 2\n",
                "root:$6$s3cr3tSALT$x:19000:0:99999:7:::\ns3cr3tSALT:x:1000:1000::/home/s3cr3tSALT:/bin/bash\n");
        int i = 0;
        for (String content : foreign) {
            Path file = dir.resolve("foreign-" + i++);
            Files.write(file, content.getBytes(StandardCharsets.UTF_8));
            for (String[] args : List.of(new String[] {"config", "validate", file.toString()},
                    new String[] {"serve", "--config", file.toString()})) {
                CliRun run = CliRun.of(args);
                assertThat(run.code()).as(content).isEqualTo(2);
                assertThat(run.out() + run.err()).as(content).doesNotContain(SECRET).doesNotContain("\tat ");
            }
        }
    }
}
