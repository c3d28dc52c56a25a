package kubetutor.engine.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks of ValidatePodSpec the curriculum can trip over, in the order the API server runs them. */
final class PodSpecValidation {
    private static final List<String> HANDLERS = List.of("exec", "httpGet", "tcpSocket", "grpc");

    private PodSpecValidation() {}

    static void spec(JsonNode spec, String path, List<FieldError> errs) {
        containers(spec.path("containers"), path + ".containers", errs);
        String restart = spec.path("restartPolicy").asText("");
        if (restart.isEmpty()) {
            errs.add(FieldError.required(path + ".restartPolicy", ""));
        } else if (!List.of("Always", "OnFailure", "Never").contains(restart)) {
            errs.add(FieldError.notSupported(path + ".restartPolicy", restart, "Always", "OnFailure", "Never"));
        }
        Validator.labels(spec.path("nodeSelector"), path + ".nodeSelector", errs);
        if (spec.has("activeDeadlineSeconds")) {
            long v = spec.get("activeDeadlineSeconds").asLong();
            if (v < 1 || v > Integer.MAX_VALUE) {
                errs.add(FieldError.invalid(path + ".activeDeadlineSeconds", v, "must be between 1 and 2147483647, inclusive"));
            }
        }
    }

    private static void containers(JsonNode list, String path, List<FieldError> errs) {
        if (!list.isArray() || list.isEmpty()) {
            errs.add(FieldError.required(path, ""));
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            String p = path + "[" + i + "]";
            String name = c.path("name").asText("");
            if (name.isEmpty()) {
                errs.add(FieldError.required(p + ".name", ""));
            } else {
                Names.dns1123Label(name).forEach(m -> errs.add(FieldError.invalid(p + ".name", name, m)));
            }
            if (c.path("image").asText("").isEmpty()) {
                errs.add(FieldError.required(p + ".image", ""));
            }
            ports(c.path("ports"), p + ".ports", errs);
            ResourceValidation.container(c.path("resources"), p + ".resources", errs);
            if (!name.isEmpty() && !names.add(name)) {
                errs.add(FieldError.duplicate(p + ".name", name));
            }
            probe(c.path("livenessProbe"), p + ".livenessProbe", true, errs);
            probe(c.path("readinessProbe"), p + ".readinessProbe", false, errs);
            probe(c.path("startupProbe"), p + ".startupProbe", true, errs);
        }
    }

    private static void ports(JsonNode ports, String path, List<FieldError> errs) {
        for (int i = 0; i < ports.size(); i++) {
            JsonNode port = ports.get(i);
            String p = path + "[" + i + "]";
            int n = port.path("containerPort").asInt(0);
            if (n == 0) {
                errs.add(FieldError.required(p + ".containerPort", ""));
            } else if (n < 1 || n > 65535) {
                errs.add(FieldError.invalid(p + ".containerPort", n, "must be between 1 and 65535, inclusive"));
            }
            if (port.has("hostPort") && port.get("hostPort").asInt() != 0) {
                int h = port.get("hostPort").asInt();
                if (h < 1 || h > 65535) {
                    errs.add(FieldError.invalid(p + ".hostPort", h, "must be between 1 and 65535, inclusive"));
                }
            }
            String protocol = port.path("protocol").asText("");
            if (protocol.isEmpty()) {
                errs.add(FieldError.required(p + ".protocol", ""));
            } else if (!List.of("SCTP", "TCP", "UDP").contains(protocol)) {
                errs.add(FieldError.notSupported(p + ".protocol", protocol, "SCTP", "TCP", "UDP"));
            }
        }
    }

    /** validateProbe, then (liveness and startup) the rule that successThreshold must be 1. */
    private static void probe(JsonNode probe, String path, boolean mustSucceedOnce, List<FieldError> errs) {
        if (!probe.isObject()) {
            return;
        }
        String chosen = null;
        for (String h : HANDLERS) {
            if (probe.hasNonNull(h)) {
                if (chosen == null) {
                    chosen = h;
                } else {
                    errs.add(FieldError.forbidden(path + "." + h, "may not specify more than 1 handler type"));
                }
            }
        }
        if (chosen == null) {
            errs.add(FieldError.required(path, "must specify a handler type"));
        } else {
            handler(chosen, probe.get(chosen), path + "." + chosen, errs);
        }
        for (String f : List.of("initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold")) {
            long v = probe.path(f).asLong(0);
            if (v < 0) {
                errs.add(FieldError.invalid(path + "." + f, v, "must be greater than or equal to 0"));
            }
        }
        if (probe.has("terminationGracePeriodSeconds") && probe.get("terminationGracePeriodSeconds").asLong() <= 0) {
            errs.add(FieldError.invalid(path + ".terminationGracePeriodSeconds", probe.get("terminationGracePeriodSeconds").asLong(),
                    "must be greater than 0"));
        }
        if (mustSucceedOnce && probe.has("successThreshold") && probe.get("successThreshold").asLong() != 1) {
            errs.add(FieldError.invalid(path + ".successThreshold", probe.get("successThreshold").asLong(), "must be 1"));
        }
    }

    private static void handler(String kind, JsonNode h, String path, List<FieldError> errs) {
        switch (kind) {
            case "exec" -> {
                if (h.path("command").isEmpty()) {
                    errs.add(FieldError.required(path + ".command", ""));
                }
            }
            case "httpGet" -> {
                if (h.path("path").asText("").isEmpty()) {
                    errs.add(FieldError.required(path + ".path", ""));
                }
                portNumOrName(h.path("port"), path + ".port", errs);
                String scheme = h.path("scheme").asText("HTTP");
                if (!scheme.equals("HTTP") && !scheme.equals("HTTPS")) {
                    errs.add(FieldError.notSupported(path + ".scheme", scheme, "HTTP", "HTTPS"));
                }
            }
            case "tcpSocket" -> portNumOrName(h.path("port"), path + ".port", errs);
            default -> {
                int port = h.path("port").asInt(0);
                if (port < 1 || port > 65535) {
                    errs.add(FieldError.invalid(path + ".port", port, "must be between 1 and 65535, inclusive"));
                }
            }
        }
    }

    private static void portNumOrName(JsonNode port, String path, List<FieldError> errs) {
        if (port.isTextual()) {
            String name = port.asText();
            for (String m : Names.portName(name)) {
                errs.add(FieldError.invalid(path, name, m));
            }
        } else {
            int n = port.asInt(0);
            if (n < 1 || n > 65535) {
                errs.add(FieldError.invalid(path, n, "must be between 1 and 65535, inclusive"));
            }
        }
    }
}
