package dev.graphfleet.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The test-side format checker finds what it must: otherwise passing it would prove nothing. */
class PrometheusTextTest {

    @Test
    void acceptsAWellFormedExposition() {
        PrometheusText text = PrometheusText.parse("""
                # HELP jobs_total Jobs done
                # TYPE jobs_total counter
                jobs_total{state="ok"} 3.0
                jobs_total{state="failed",queue="a\\"b"} 1.0
                # TYPE latency_seconds histogram
                latency_seconds_bucket{le="0.1"} 1
                latency_seconds_bucket{le="+Inf"} 2
                latency_seconds_sum 0.3
                latency_seconds_count 2
                # TYPE ratio gauge
                ratio NaN
                """);
        assertThat(text.problems()).isEmpty();
        assertThat(text.value("jobs_total", java.util.Map.of("state", "ok"))).isEqualTo(3.0);
        assertThat(text.samples()).hasSize(7);
    }

    @Test
    void reportsEachKindOfViolation() {
        assertThat(PrometheusText.parse("orphan 1\n").problems()).anyMatch(p -> p.contains("no TYPE"));
        assertThat(PrometheusText.parse("# TYPE bad-name gauge\n").problems()).anyMatch(p -> p.contains("bad metric name"));
        assertThat(PrometheusText.parse("# TYPE g gauge\ng{a=\"1\"} 1\ng{a=\"1\"} 2\n").problems())
                .anyMatch(p -> p.contains("duplicate series"));
        assertThat(PrometheusText.parse("# TYPE g gauge\ng abc\n").problems()).anyMatch(p -> p.contains("bad value"));
        assertThat(PrometheusText.parse("# TYPE g gauge\ng{a=1} 1\n").problems()).anyMatch(p -> p.contains("bad labels"));
        assertThat(PrometheusText.parse("# TYPE g gauge\n# TYPE h gauge\ng 1\nh 1\ng{x=\"y\"} 2\n").problems())
                .anyMatch(p -> p.contains("not grouped"));
        assertThat(PrometheusText.parse("# TYPE g gauge\ng 1\n# TYPE g gauge\n").problems())
                .anyMatch(p -> p.contains("second TYPE"));
        assertThat(PrometheusText.parse("# TYPE g wobble\n").problems()).anyMatch(p -> p.contains("unknown type"));
        assertThat(PrometheusText.parse("# TYPE g gauge\ng 1").problems()).anyMatch(p -> p.contains("newline"));
    }
}
