package dev.graphfleet.volume;

/**
 * The size chosen for an expansion and how it was reached.
 *
 * @param sizeGb      the size to request (a multiple of the rounding, or exactly the cap)
 * @param winner      which of the three sizing terms was the largest
 * @param unroundedGb the winning term before rounding
 * @param capped      true when the rounded size was above the maximum and the maximum was taken
 */
public record ExpansionSize(long sizeGb, Term winner, double unroundedGb, boolean capped) {

    /** The three lower bounds of a new size; the largest wins. */
    public enum Term {
        /** The size that brings usage (plus the growth projected over the cooldown) back to the target usage. */
        TARGET_USAGE,
        /** current × expansion_factor. */
        FACTOR,
        /** current + min_expansion_gb. */
        MIN_INCREMENT
    }
}
