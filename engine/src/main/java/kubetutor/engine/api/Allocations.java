package kubetutor.engine.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a registry hands out before an object is stored (the service registry's cluster IPs and node
 * ports). Runs after defaulting and before validation, as the registry's BeginCreate/BeginUpdate
 * hooks do; throws an ApiException when a requested value cannot be had.
 */
public interface Allocations {
    void create(ResourceType type, ObjectNode obj);

    void update(ResourceType type, ObjectNode old, ObjectNode obj);

    Allocations NONE = new Allocations() {
        @Override
        public void create(ResourceType type, ObjectNode obj) {}

        @Override
        public void update(ResourceType type, ObjectNode old, ObjectNode obj) {}
    };
}
