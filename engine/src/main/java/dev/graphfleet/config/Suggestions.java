package dev.graphfleet.config;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean ...?": the closest candidate by edit distance, when it is close enough to help. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate nearest to {@code input}: within a third of its length in edits (at least 2;
     * a swap of two neighbours counts as one), or one that starts with it ({@code api_key} →
     * {@code api_key_env}). Empty when nothing is near.
     */
    public static Optional<String> nearest(String input, Collection<String> candidates) {
        if (input == null || input.isEmpty()) {
            return Optional.empty();
        }
        String needle = input.toLowerCase();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(needle, candidate.toLowerCase());
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        if (bestDistance <= Math.max(2, needle.length() / 3)) {
            return Optional.of(best);
        }
        return candidates.stream().filter(c -> c.toLowerCase().startsWith(needle)).findFirst();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
