package dev.graphfleet.local;

/**
 * How big the generated sample repositories are. The default generates in seconds; raise it to
 * see buffer pools and volumes move.
 */
public record SampleSizes(int companies, int filingsPerCompany, int factsPerFiling, int elements, int periods) {

    public static final SampleSizes SMALL = new SampleSizes(200, 5, 20, 500, 40);

    public SampleSizes {
        if (companies < 1 || filingsPerCompany < 1 || factsPerFiling < 1 || elements < 1 || periods < 1) {
            throw new IllegalArgumentException("sample sizes must all be at least 1");
        }
    }

    public long facts() {
        return (long) companies * filingsPerCompany * factsPerFiling;
    }

    /** A size scaled by {@code factor} (e.g. 10 for ten times the facts). */
    public SampleSizes scaled(int factor) {
        return new SampleSizes(companies * factor, filingsPerCompany, factsPerFiling, elements, periods);
    }
}
