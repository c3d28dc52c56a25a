package kubetutor.engine.api.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pod's required node affinity as the NodeAffinity filter reads it (component-helpers'
 * nodeaffinity.GetRequiredNodeAffinity): every nodeSelector label, and, when the pod has
 * requiredDuringSchedulingIgnoredDuringExecution, at least one of its terms. A term holds when all
 * its matchExpressions (on labels) and matchFields (only metadata.name exists) hold; a term with
 * neither matches no node. A DaemonSet's pods are tied to their node this way.
 */
public record NodeAffinity(Map<String, String> nodeSelector, List<Term> terms) {

    /** One node selector term; {@code fields} requirements read the node's name. */
    public record Term(List<Requirement> labels, List<Requirement> fields) {
        boolean matches(String nodeName, Map<String, String> nodeLabels) {
            if (labels.isEmpty() && fields.isEmpty()) {
                return false;
            }
            for (Requirement r : labels) {
                if (!r.matches(nodeLabels.get(r.key()))) {
                    return false;
                }
            }
            for (Requirement r : fields) {
                if (!r.key().equals("metadata.name") || !r.matches(nodeName)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code key operator values}, operator one of In, NotIn, Exists, DoesNotExist, Gt, Lt. */
    public record Requirement(String key, String operator, List<String> values) {
        boolean matches(String value) {
            return switch (operator) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                case "Gt", "Lt" -> compares(value);
                default -> false;
            };
        }

        /** Gt and Lt compare integers; a label or value that is not one matches nothing. */
        private boolean compares(String value) {
            if (value == null || values.size() != 1) {
                return false;
            }
            try {
                long have = Long.parseLong(value);
                long bound = Long.parseLong(values.get(0));
                return operator.equals("Gt") ? have > bound : have < bound;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    public static NodeAffinity of(JsonNode podSpec) {
        JsonNode selector = podSpec.path("nodeSelector");
        Map<String, String> labels = selector.isObject() ? Meta.stringMap(selector) : Map.of();
        JsonNode required = podSpec.path("affinity").path("nodeAffinity").path("requiredDuringSchedulingIgnoredDuringExecution");
        List<Term> terms = null;
        if (required.isObject()) {
            terms = new ArrayList<>();
            for (JsonNode t : required.path("nodeSelectorTerms")) {
                terms.add(new Term(requirements(t.path("matchExpressions")), requirements(t.path("matchFields"))));
            }
        }
        return new NodeAffinity(labels, terms);
    }

    private static List<Requirement> requirements(JsonNode list) {
        List<Requirement> out = new ArrayList<>();
        for (JsonNode r : list) {
            List<String> values = new ArrayList<>();
            r.path("values").forEach(v -> values.add(v.asText()));
            out.add(new Requirement(r.path("key").asText(), r.path("operator").asText(), values));
        }
        return out;
    }

    /** Whether neither a node selector nor required terms restrict the pod (most pods: skip the work). */
    public boolean isEmpty() {
        return nodeSelector.isEmpty() && terms == null;
    }

    public boolean matches(String nodeName, Map<String, String> nodeLabels) {
        for (Map.Entry<String, String> e : nodeSelector.entrySet()) {
            if (!e.getValue().equals(nodeLabels.get(e.getKey()))) {
                return false;
            }
        }
        if (terms == null) {
            return true;
        }
        for (Term t : terms) {
            if (t.matches(nodeName, nodeLabels)) {
                return true;
            }
        }
        return false;
    }
}
