package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ResourceType;

/**
 * Describes one kind of object as kubectl describe does: a pure function of the object and what
 * the context lets it look up (events, the pods on a node). One class per kind.
 */
public interface Describer {
    ResourceType type();

    /** The describe text, ending with a newline, as kubectl prints it for this object. */
    String describe(JsonNode object, DescribeContext context);
}
