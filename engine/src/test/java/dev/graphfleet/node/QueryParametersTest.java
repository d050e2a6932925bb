package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    private final QueryParameters parameters = new QueryParameters(QueryLimits.DEFAULTS);

    private static JsonNode json(String text) throws Exception {
        return HttpJson.mapper().readTree(text);
    }

    @Test
    void convertsJsonToThePlainValuesTheEngineTakes() throws Exception {
        Map<String, Object> values = parameters.convert(json(
                "{\"i\": 7, \"big\": 1000000000000, \"f\": 1.5, \"s\": \"x\", \"b\": true, \"n\": null,"
                        + " \"l\": [1, [2, 3]], \"m\": {\"k\": [\"v\"]}}"));
        assertThat(values.get("i")).isEqualTo(7L);
        assertThat(values.get("big")).isEqualTo(1_000_000_000_000L);
        assertThat(values.get("f")).isEqualTo(1.5);
        assertThat(values.get("s")).isEqualTo("x");
        assertThat(values.get("b")).isEqualTo(true);
        assertThat(values).containsEntry("n", null);
        assertThat(values.get("l")).isEqualTo(List.of(1L, List.of(2L, 3L)));
        assertThat(values.get("m")).isEqualTo(Map.of("k", List.of("v")));
        assertThat(parameters.convert(null)).isEmpty();
        assertThat(parameters.convert(json("null"))).isEmpty();
    }

    @Test
    void everyLimitNamesThePathAndTheSetting() throws Exception {
        assertRejected("{\"m\": {\"a\": {\"b\": {\"c\": {\"d\": 1}}}}}", "parameter m.a.b.c: nested 4 levels deep");
        assertRejected("{\"m\": {\"a\": [\"" + "y".repeat(10_001) + "\"]}}",
                "parameter m.a[0]: string of 10001 characters; at most 10000 are allowed (max_string_length)");
        StringBuilder keys = new StringBuilder("{\"m\": {");
        for (int i = 0; i < 101; i++) {
            keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": 1");
        }
        assertRejected(keys + "}}", "parameter m: map of 101 keys; at most 100");
        assertRejected("{\"x\": 12345678901234567890}", "parameter x: number 12345678901234567890 is out of range");
        assertRejected("{\"x\": -2e15}", "parameter x: number -2.0E15 is out of range; magnitude at most 1.0E15");
        assertRejected("{\"$x\": 1}", "parameter name '$x' is not an identifier");
        assertRejected("7", "parameters must be an object");
    }

    @Test
    void theLimitsAreInclusive() throws Exception {
        StringBuilder fifty = new StringBuilder("{");
        for (int i = 0; i < 50; i++) {
            fifty.append(i == 0 ? "" : ",").append("\"p").append(i).append("\": 1");
        }
        assertThat(parameters.convert(json(fifty + "}"))).hasSize(50);
        assertThat(parameters.convert(json("{\"s\": \"" + "z".repeat(10_000) + "\", \"x\": 1e15}"))).hasSize(2);
    }

    private void assertRejected(String text, String message) throws Exception {
        JsonNode node = json(text);
        assertThatThrownBy(() -> parameters.convert(node))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining(message);
    }
}
