package dev.graphfleet.node;

import java.util.Map;

/** A validated query: Cypher text within the length limit and parameters as plain Java values. */
record QueryRequest(String cypher, Map<String, Object> parameters) {
}
