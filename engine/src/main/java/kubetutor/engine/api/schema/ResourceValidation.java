package kubetutor.engine.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kubetutor.engine.api.ResourceQuantity;

/**
 * ValidateContainerResourceRequirements, the value checks: no quantity below zero, and no request
 * above its limit. (Go walks the maps in random order; here they go in key order.)
 */
final class ResourceValidation {
    private ResourceValidation() {}

    static void container(JsonNode resources, String path, List<FieldError> errs) {
        Map<String, ResourceQuantity> limits = quantities(resources.path("limits"));
        Map<String, ResourceQuantity> requests = quantities(resources.path("requests"));
        limits.forEach((name, q) -> nonNegative(q, path + ".limits[" + name + "]", errs));
        requests.forEach((name, q) -> {
            nonNegative(q, path + ".requests[" + name + "]", errs);
            ResourceQuantity limit = limits.get(name);
            if (limit != null && q.compareTo(limit) > 0) {
                errs.add(FieldError.invalid(path + ".requests", q.toString(),
                        "must be less than or equal to " + name + " limit of " + limit));
            }
        });
    }

    private static void nonNegative(ResourceQuantity q, String path, List<FieldError> errs) {
        if (q.signum() < 0) {
            errs.add(FieldError.invalid(path, q.toString(), "must be greater than or equal to 0"));
        }
    }

    /** The decoder refused any value that is not a quantity, so each one parses here. */
    private static Map<String, ResourceQuantity> quantities(JsonNode list) {
        Map<String, ResourceQuantity> out = new TreeMap<>();
        list.fields().forEachRemaining(e -> out.put(e.getKey(), ResourceQuantity.parseOrZero(e.getValue().asText().trim())));
        return out;
    }
}
