package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnginePathsTest {

    @Test
    void absolutePathsAreReplaced() {
        assertThat(EnginePaths.scrub("IO exception: Cannot write to file. path: /mnt/lbug-data/people.kuzu fileDescriptor: 7"))
                .isEqualTo("IO exception: Cannot write to file. path: <path> fileDescriptor: 7");
        assertThat(EnginePaths.scrub("cannot open '/var/lib/x y/db.kuzu': No such file"))
                .isEqualTo("cannot open '<path>': No such file");
        assertThat(EnginePaths.scrub("/data/a.kuzu:7 and \"/srv/b c\"")).isEqualTo("<path> and \"<path>\"");
    }

    @Test
    void textThatIsNotAPathStays() {
        assertThat(EnginePaths.scrub("Runtime exception: 1 / 2 and a/b")).isEqualTo("Runtime exception: 1 / 2 and a/b");
    }
}
