package dev.graphfleet.fleet.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.fleet.discovery.DiscoveredInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MasterChoiceTest {

    private static DiscoveredInstance master(String id, String graph, String volume) {
        return new DiscoveredInstance(id, "shared_master", "running", "r7g.xlarge", "10.0.1.5", null, volume,
                graph == null ? Map.of() : Map.of("GraphId", graph));
    }

    private static final DiscoveredInstance WRITER = new DiscoveredInstance("i-w", "writer", "running", "r7g.large",
            "10.0.1.4", null, "vol-w", Map.of());

    @Test
    void theMasterTaggedWithTheGraphWinsOverTheFirstOne() {
        var chosen = MasterChoice.choose(List.of(WRITER, master("i-m1", "industry", "vol-1"), master("i-m2", "sec", "vol-2")),
                "sec");
        assertThat(chosen.master().id()).isEqualTo("i-m2");
    }

    @Test
    void aLoneUntaggedMasterServesEveryGraph() {
        assertThat(MasterChoice.choose(List.of(master("i-m1", null, "vol-1")), "sec").master().id()).isEqualTo("i-m1");
    }

    @Test
    void refusalsSayWhatToDo() {
        assertThat(MasterChoice.choose(List.of(WRITER), "sec").refusal()).contains("no running shared_master");
        assertThat(MasterChoice.choose(List.of(master("i-m1", null, "v"), master("i-m2", null, "v")), "sec").refusal())
                .contains("2 shared masters run and none is tagged GraphId=sec");
        assertThat(MasterChoice.choose(List.of(master("i-m1", "sec", "v"), master("i-m2", "sec", "v")), "sec").refusal())
                .contains("exactly one may serve it");
        assertThat(MasterChoice.choose(List.of(master("i-m1", "sec", null)), "sec").refusal())
                .contains("no data volume at /dev/xvdf or /dev/sdf");
        assertThat(MasterChoice.unencryptedVolume("i-m1", "vol-1")).contains("not encrypted", "encrypt it first");
    }
}
