package dev.graphfleet.console.viewmodel;

import java.util.Locale;

/**
 * Fuzzy matching for the command palette: the query's letters must appear in order in the text;
 * runs of adjacent letters and letters at word starts score higher, so "invcus" finds
 * "Invalidate customer_a" before "Volume monitor: invalid customer".
 */
final class Fuzzy {

    private Fuzzy() {
    }

    /** A score (higher is better), or -1 when the text does not contain the query's letters in order. */
    static int score(String query, String text) {
        String q = query.toLowerCase(Locale.ROOT).replace(" ", "");
        String t = text.toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return 0;
        }
        // Greedy from each place the first letter occurs; the best wins ("vol" finds "Volumes", not "View: vo..l").
        int best = -1;
        for (int start = t.indexOf(q.charAt(0)); start >= 0; start = t.indexOf(q.charAt(0), start + 1)) {
            best = Math.max(best, greedy(q, t, start));
        }
        return best < 0 ? -1 : best * 100 - t.length(); // shorter texts first among equals
    }

    private static int greedy(String q, String t, int start) {
        int score = 0;
        int at = start;
        int previous = -2;
        for (int i = 0; i < q.length(); i++) {
            int found = t.indexOf(q.charAt(i), at);
            if (found < 0) {
                return -1;
            }
            score += 1;
            if (found == previous + 1) {
                score += 5; // a run
            }
            if (found == 0 || !Character.isLetterOrDigit(t.charAt(found - 1))) {
                score += 3; // a word start
            }
            previous = found;
            at = found + 1;
        }
        return score;
    }
}
