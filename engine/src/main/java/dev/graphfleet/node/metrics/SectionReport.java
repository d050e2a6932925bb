package dev.graphfleet.node.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * One section of /metrics as served: its figures (inlined), when they were collected, whether they
 * are stale (older than the section allows, or served from cache because producing them took too
 * long), and the error when producing them failed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SectionReport(@JsonUnwrapped Object value, Instant collectedAt, boolean stale, String error) {
}
