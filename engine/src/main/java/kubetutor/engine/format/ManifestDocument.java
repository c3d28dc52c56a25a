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
}
