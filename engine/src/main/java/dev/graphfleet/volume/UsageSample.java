package dev.graphfleet.volume;

import java.time.Instant;
import java.util.Objects;

/** One reading of how much of a data volume is used, in GB (not a fraction, so it stays continuous across growth). */
public record UsageSample(Instant at, double usedGb) {
    public UsageSample {
        Objects.requireNonNull(at, "at");
        if (!(usedGb >= 0) || Double.isInfinite(usedGb)) {
            throw new IllegalArgumentException("usedGb must be a finite number of GB >= 0, got " + usedGb);
        }
    }
}
