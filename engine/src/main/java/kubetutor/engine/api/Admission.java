package kubetutor.engine.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the API server does to an object before storing it: defaulting, then validation. */
public interface Admission {
    /** Rejects what the API server cannot decode (unknown fields, wrong types) before anything else. */
    default void decode(ResourceType type, ObjectNode obj) {}

    /** Fills in defaults, in place, on a new object. */
    void defaults(ResourceType type, ObjectNode obj);

    /** Throws an Invalid or BadRequest ApiException when the object may not be stored. */
    void validateCreate(ResourceType type, ObjectNode obj);

    /** Throws when an update changes what may not change. */
    void validateUpdate(ResourceType type, ObjectNode oldObj, ObjectNode newObj);

    Admission NONE = new Admission() {
        @Override
        public void defaults(ResourceType type, ObjectNode obj) {}

        @Override
        public void validateCreate(ResourceType type, ObjectNode obj) {}

        @Override
        public void validateUpdate(ResourceType type, ObjectNode oldObj, ObjectNode newObj) {}
    };
}
