package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RangeLimitTest {

    private final RangeLimit limit = new RangeLimit(1_000);

    @Test
    void literalRangesWithinTheLimitPass() {
        assertThatCode(() -> limit.check("UNWIND range(1, 1000) AS x RETURN count(x)", Map.of())).doesNotThrowAnyException();
        assertThatCode(() -> limit.check("RETURN range(10, 1, -1), RANGE(0, 998, 2)", Map.of())).doesNotThrowAnyException();
        assertThatCode(() -> limit.check("RETURN range(1, $n)", Map.of("n", 999L))).doesNotThrowAnyException();
        assertThatCode(() -> limit.check("RETURN 'range(1, 99999999)' // range(1, 99999999)", Map.of()))
                .doesNotThrowAnyException();
        assertThatCode(() -> limit.check("MATCH (n) RETURN n.arrange, arrange(1)", Map.of())).doesNotThrowAnyException();
    }

    @Test
    void aRangeOverTheLimitIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> limit.check("UNWIND range(1, 30000000) AS x RETURN count(x)", Map.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.error()).isEqualTo("range_too_large");
                    assertThat(e.detail()).contains("30,000,000", "1,000", "node.memory.query_headroom_mb");
                });
        assertThatThrownBy(() -> limit.check("RETURN range(1, $n)", Map.of("n", 1_001))).isInstanceOf(ApiException.class);
    }

    @Test
    void theStatementsRangesCountTogether() {
        assertThatThrownBy(() -> limit.check("UNWIND range(1, 600) AS a UNWIND range(1, 600) AS b RETURN count(*)",
                Map.of())).isInstanceOf(ApiException.class);
    }

    @Test
    void disguisedCallsAreStillSeen() {
        for (String cypher : new String[] {"RETURN range /* c */ (1, 5000)", "RETURN `range`(1, 5000)",
                "RETURN range\u00a0(1, 5000)", "RETURN range(1, /* x */ 5000)", "RETURN list_sum(range(1, 5000))"}) {
            assertThatThrownBy(() -> limit.check(cypher, Map.of())).as(cypher).isInstanceOf(ApiException.class);
        }
    }

    @Test
    void aRangeOfUnknownSizeIsRefused() {
        for (String cypher : new String[] {"UNWIND [40000000] AS n UNWIND range(1, n) AS x RETURN count(x)",
                "RETURN range(1, 10 * 1000000)", "RETURN range(1, $missing)", "RETURN range(1, 2, 0)", "RETURN range(1"}) {
            assertThatThrownBy(() -> limit.check(cypher, Map.of("s", "x"))).as(cypher).isInstanceOf(ApiException.class);
        }
        assertThatThrownBy(() -> limit.check("RETURN range(1, $s)", Map.of("s", "5"))).isInstanceOf(ApiException.class);
    }

    @Test
    void padLengthsAreBoundedBecauseTheyRunOverUpTo2048RowsAtOnce() {
        RangeLimit pads = new RangeLimit(1_000, 100);
        assertThatCode(() -> pads.check("MATCH (p:Person) RETURN lpad(p.name, 100, ' '), RPAD('x', $n, '-')",
                Map.of("n", 10))).doesNotThrowAnyException();
        for (String cypher : new String[] {"RETURN rpad('a', 100000000, 'b')", "MATCH (p) RETURN lpad(p.name, p.id, 'x')",
                "RETURN lpad /* */ ('a', 101, 'b')", "RETURN lpad('a', $missing, 'b')"}) {
            assertThatThrownBy(() -> pads.check(cypher, Map.of())).as(cypher)
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.error()).isEqualTo("pad_too_large");
                        assertThat(e.detail()).contains("100", "node.memory.query_headroom_mb");
                    });
        }
        assertThat(RangeLimit.forHeadroom(512L << 20).maxPadLength()).isEqualTo(16_384);
        assertThat(RangeLimit.forHeadroom(512L << 20).maxElements()).isEqualTo(524_288);
    }
}
