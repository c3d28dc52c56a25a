package kubetutor.engine.complete;

/**
 * One completion: the whole word that replaces the word being typed.
 *
 * @param description a short help line (flags and commands have one), or empty
 * @param complete    false when the word is likely to go on (a directory, {@code --flag=}): no space after it
 */
public record Candidate(String value, String description, boolean complete) {
    public static Candidate of(String value) {
        return new Candidate(value, "", true);
    }
}
