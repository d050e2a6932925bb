package dev.graphfleet.node.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.node.admission.AdmissionDecision.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdmissionPolicyTest {

    private final AdmissionPolicy policy = new AdmissionPolicy(
            new AdmissionSettings(80.0, 90.0, 80.0, 2, Duration.ofSeconds(5), Duration.ofSeconds(1)));

    @Test
    void acceptsWhenEverythingIsBelowItsThreshold() {
        AdmissionDecision decision = policy.decide(45.0, 25.0, 1, Operation.QUERY);
        assertThat(decision.accepted()).isTrue();
        assertThat(decision.reason()).isNull();
    }

    @Test
    void memoryIsCheckedFirst() {
        AdmissionDecision decision = policy.decide(85.0, 99.0, 5, Operation.QUERY);
        assertThat(decision.outcome()).isEqualTo(Outcome.REJECT_MEMORY);
        assertThat(decision.reason()).isEqualTo("Memory usage too high: 85.0% > 80.0%");
    }

    @Test
    void ingestionHasTheLowerCpuThreshold() {
        assertThat(policy.decide(10.0, 85.0, 0, Operation.QUERY).accepted()).isTrue();
        AdmissionDecision ingestion = policy.decide(10.0, 85.0, 0, Operation.INGESTION);
        assertThat(ingestion.outcome()).isEqualTo(Outcome.REJECT_CPU);
        assertThat(ingestion.reason()).isEqualTo("CPU usage too high: 85.0% > 80.0% (the ingestion threshold)");
        assertThat(policy.decide(10.0, 90.5, 0, Operation.QUERY).outcome()).isEqualTo(Outcome.REJECT_CPU);
    }

    @Test
    void thresholdsAreStrictAndTheInFlightLimitIsInclusive() {
        assertThat(policy.decide(80.0, 90.0, 1, Operation.QUERY).accepted()).isTrue();
        assertThat(policy.decide(10.0, 10.0, 2, Operation.QUERY).outcome()).isEqualTo(Outcome.REJECT_IN_FLIGHT);
        assertThat(policy.decide(10.0, 10.0, 2, Operation.QUERY).reason())
                .isEqualTo("Too many queries in flight on this database: 2 of 2 allowed");
    }

    @Test
    void unknownFiguresNeverRefuse() {
        assertThat(policy.decide(null, null, 0, Operation.INGESTION).accepted()).isTrue();
    }

    @Test
    void operationsAreClassifiedFromTheStatement() {
        assertThat(Operation.of("COPY Person FROM 'people.csv'")).isEqualTo(Operation.INGESTION);
        assertThat(Operation.of("  copy Person from \"x.parquet\" (header=true)")).isEqualTo(Operation.INGESTION);
        assertThat(Operation.of("MATCH (p) RETURN p")).isEqualTo(Operation.QUERY);
        assertThat(Operation.of("COPY Person TO 'out.csv'")).isEqualTo(Operation.QUERY);
    }

    @Test
    void settingsNameTheFieldThatIsWrong() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AdmissionSettings.DEFAULTS.withMaxInFlightPerDatabase(0))
                .hasMessageContaining("max in-flight queries per database must be at least 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AdmissionSettings.DEFAULTS.withThresholds(185, 90, 80))
                .hasMessageContaining("admission memory threshold must be a percentage");
    }
}
