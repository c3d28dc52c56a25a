package kubetutor.engine.format;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One document of a manifest: an object, or the error kubectl reports for it. */
public sealed interface ManifestDocument {
    /** An object whose keys are sorted as Go's encoding/json sorts map keys (kubectl reads files into maps). */
    record Parsed(ObjectNode object) implements ManifestDocument {
    }

    /**
     * What kubectl prints after "error: ", e.g.
     * {@code error parsing bad.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context}.
     */
    record Failed(String message) implements ManifestDocument {
    }

    /**
     * A document more than twice the API server's request limit (3 MiB) long: kubectl would send a
     * body past the limit unless half of it were blanks and comments, so it is not read at all (a
     * 50 MB manifest is refused at once), and the server's 413 is the answer.
     */
    record TooLarge() implements ManifestDocument {
        /** Twice kube-apiserver's MaxRequestBodyBytes, in characters. */
        public static final int PAST = 2 * 3 * 1024 * 1024;
    }
}
