package kubetutor.engine.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One change in the store, as a watch delivers it: the object after the change (the last version,
 * for DELETED), and the version it replaced (null for ADDED), so that a handler can tell what changed.
 */
public record WatchEvent(Type type, ResourceType resource, ObjectNode object, ObjectNode old) {
    public enum Type { ADDED, MODIFIED, DELETED }
}
