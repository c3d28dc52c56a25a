package kubetutor.engine.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One change in the store, as a watch delivers it: the object after the change (before, for DELETED). */
public record WatchEvent(Type type, ResourceType resource, ObjectNode object) {
    public enum Type { ADDED, MODIFIED, DELETED }
}
