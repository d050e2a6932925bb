package dev.graphfleet.node.admission;

import java.util.regex.Pattern;

/** What a request asks the node to do; ingestion is held to a lower CPU threshold. */
public enum Operation {
    QUERY,
    /** Bulk loading ({@code COPY ... FROM}): long, CPU-heavy, and safe to postpone. */
    INGESTION;

    private static final Pattern COPY_FROM = Pattern.compile("^\\s*COPY\\s+\\S+.*\\bFROM\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** Classifies a Cypher statement: {@code COPY <table> FROM ...} is ingestion, anything else a query. */
    public static Operation of(String cypher) {
        return cypher != null && COPY_FROM.matcher(cypher).matches() ? INGESTION : QUERY;
    }
}
