package kubetutor.engine.complete;

import java.util.List;

/**
 * The answer to a completion request.
 *
 * @param start      where in the text the replaced word starts (the cursor is where it ends)
 * @param candidates the words that may replace it, sorted
 */
public record Completion(int start, List<Candidate> candidates) {
    public Completion {
        candidates = List.copyOf(candidates);
    }

    public List<String> values() {
        return candidates.stream().map(Candidate::value).toList();
    }
}
