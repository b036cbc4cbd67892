package dev.jhsim.config.c;

import java.util.Collection;
import java.util.TreeSet;

/** "did you mean ...?": the closest known name, within the edit distance gcc allows for suggestions. */
final class Suggestions {
    private Suggestions() {
    }

    /** {@code "; did you mean 'X'?"}, or an empty string when no name is close enough. */
    static String didYouMean(String goal, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : new TreeSet<>(candidates)) {
            int distance = distance(goal, candidate);
            if (distance > 0 && distance <= cutoff(goal.length(), candidate.length()) && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    /** Short names get no suggestions; similar lengths allow a third of the length, otherwise a bit more. */
    private static int cutoff(int a, int b) {
        int longer = Math.max(a, b);
        int shorter = Math.min(a, b);
        if (longer <= 1) {
            return 0;
        }
        return longer - shorter <= 1 ? Math.max(longer / 3, 1) : (longer + 2) / 3;
    }

    /** Edit distance counting insertions, deletions, substitutions and swaps of neighbours as one each. */
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
