package kubetutor.engine.api.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A struct of the API. {@code goName} (e.g. "v1.Container") is what Go's JSON decoder names in its
 * type errors; an {@code open} type accepts any content (volume sources nobody teaches).
 *
 * @param positions each field's name and place in Go struct order: every write looks fields up
 */
public record TypeDef(String name, String goName, String description, boolean open, List<Field> fields,
                      Map<String, Integer> positions) {

    public TypeDef(String name, String goName, String description, boolean open, List<Field> fields) {
        this(name, goName, description, open, List.copyOf(fields), positionsOf(fields));
    }

    private static Map<String, Integer> positionsOf(List<Field> fields) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            positions.putIfAbsent(fields.get(i).name(), i);
        }
        return Map.copyOf(positions);
    }

    public Optional<Field> field(String jsonName) {
        return Optional.ofNullable(fieldOrNull(jsonName));
    }

    /** The field, or null: the allocation-free lookup for the write path. */
    Field fieldOrNull(String jsonName) {
        Integer at = positions.get(jsonName);
        return at == null ? null : fields.get(at);
    }
}
