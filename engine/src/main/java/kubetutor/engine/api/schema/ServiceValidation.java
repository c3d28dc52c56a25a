package kubetutor.engine.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks of ValidateService a learner meets: ports present, named, unique and in range, a known type. */
final class ServiceValidation {
    private static final List<String> TYPES = List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");

    private ServiceValidation() {}

    static void spec(JsonNode spec, List<FieldError> errs) {
        String type = spec.path("type").asText("");
        JsonNode ports = spec.path("ports");
        boolean headless = spec.path("clusterIP").asText("").equals("None");
        if (ports.isEmpty() && !headless && !type.equals("ExternalName")) {
            errs.add(FieldError.required("spec.ports", ""));
        }
        if (!TYPES.contains(type)) {
            errs.add(FieldError.notSupported("spec.type", type, TYPES.toArray(new String[0])));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            JsonNode port = ports.get(i);
            String p = "spec.ports[" + i + "]";
            String name = port.path("name").asText("");
            if (ports.size() > 1 && name.isEmpty()) {
                errs.add(FieldError.required(p + ".name", ""));
            } else if (!name.isEmpty() && !names.add(name)) {
                errs.add(FieldError.duplicate(p + ".name", name));
            }
            int n = port.path("port").asInt(0);
            if (n < 1 || n > 65535) {
                errs.add(FieldError.invalid(p + ".port", n, "must be between 1 and 65535, inclusive"));
            }
            if (type.equals("ClusterIP") && port.path("nodePort").asInt(0) != 0) {
                errs.add(FieldError.forbidden(p + ".nodePort", "may not be used when `type` is 'ClusterIP'"));
            }
            JsonNode target = port.path("targetPort");
            if (target.isNumber() && (target.asInt() < 1 || target.asInt() > 65535)) {
                errs.add(FieldError.invalid(p + ".targetPort", target.asInt(), "must be between 1 and 65535, inclusive"));
            } else if (target.isTextual()) {
                Names.portName(target.asText()).forEach(m -> errs.add(FieldError.invalid(p + ".targetPort", target.asText(), m)));
            }
        }
    }
}
