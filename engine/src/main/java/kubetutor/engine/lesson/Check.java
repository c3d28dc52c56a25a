package kubetutor.engine.lesson;

import java.util.regex.Pattern;

/**
 * One thing a step wants to be true of the cluster: what a read-only kubectl command prints,
 * compared after trimming with {@code expect} (equal) or {@code matches} (a whole-text regex).
 * A comparison of printed fields, not of generated names or times, so any way of getting there counts.
 *
 * @param fail what to tell the learner while it is not true yet
 */
public record Check(String run, String expect, Pattern matches, Localized fail) {
    public boolean holds(String printed) {
        String text = printed.strip();
        return matches != null ? matches.matcher(text).matches() : text.equals(expect);
    }
}
