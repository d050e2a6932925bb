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
        int score = 0;
        int at = 0;
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
        return score * 100 - t.length(); // shorter texts first among equals
    }
}
