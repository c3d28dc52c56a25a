package kubetutor.engine.api.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A struct of the API. {@code goName} (e.g. "v1.Container") is what Go's JSON decoder names in its
 * type errors; an {@code open} type accepts any content (volume sources nobody teaches).
 */
public record TypeDef(String name, String goName, String description, boolean open, List<Field> fields) {

    public TypeDef {
        fields = List.copyOf(fields);
    }

    public Optional<Field> field(String jsonName) {
        for (Field f : fields) {
            if (f.name().equals(jsonName)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Field name to position, for putting an object's keys back in Go struct order. */
    Map<String, Integer> order() {
        Map<String, Integer> order = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            order.put(fields.get(i).name(), i);
        }
        return order;
    }
}
