package dev.graphfleet.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * The JSON form of a fleet snapshot ({@code graphfleet fleet status --json}): snake_case like the
 * node API, ISO-8601 times and durations. Reads back into the same records.
 */
public final class FleetJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private FleetJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(FleetSnapshot snapshot) {
        try {
            return MAPPER.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the fleet snapshot as JSON", e);
        }
    }

    public static FleetSnapshot read(String json) {
        try {
            return MAPPER.readValue(json, FleetSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not a fleet snapshot: " + e.getOriginalMessage(), e);
        }
    }
}
