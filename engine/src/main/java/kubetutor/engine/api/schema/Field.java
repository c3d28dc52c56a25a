package kubetutor.engine.api.schema;

import java.util.List;

/** One field of a struct: its JSON name, shape, OpenAPI required-ness, enum values and our description. */
public record Field(String name, FieldType type, boolean required, List<String> enumValues, String description) {}
