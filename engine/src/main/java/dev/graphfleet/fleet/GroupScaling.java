package dev.graphfleet.fleet;

/** An Auto Scaling group's bounds as deployed: {@code min ≤ desired ≤ max}. */
public record GroupScaling(int min, int desired, int max) {

    public GroupScaling {
        if (min < 0 || desired < min || max < desired) {
            throw new IllegalArgumentException("scaling must satisfy 0 <= min <= desired <= max (found min "
                    + min + ", desired " + desired + ", max " + max + ")");
        }
    }
}
