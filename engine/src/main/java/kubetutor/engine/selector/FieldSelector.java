package kubetutor.engine.selector;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list's fieldSelector as the API server reads it (apimachinery fields.ParseSelector): "=", "=="
 * and "!=" terms joined by commas, on the field labels each kind's registry converts
 * (metadata.name and metadata.namespace for every kind).
 */
public record FieldSelector(List<Term> terms) {
    public record Term(String field, boolean equal, String value) {}

    public static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    private static final Set<String> EVERY_KIND = Set.of("metadata.name", "metadata.namespace");
    /** Field labels beyond metadata.name/namespace, per kind, as the 1.32 registries convert them. */
    private static final Map<String, Set<String>> BY_KIND = Map.of(
            "Pod", Set.of("spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
                    "spec.hostNetwork", "status.phase", "status.podIP", "status.podIPs", "status.nominatedNodeName"),
            "Event", Set.of("involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
                    "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
                    "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"),
            "Secret", Set.of("type"),
            "Namespace", Set.of("status.phase"),
            "Node", Set.of("spec.unschedulable"),
            "ReplicaSet", Set.of("status.replicas"),
            "ReplicationController", Set.of("status.replicas"));

    public FieldSelector {
        terms = List.copyOf(terms);
    }

    /** Throws SelectorSyntaxException with the server's words for a term it cannot read. */
    public static FieldSelector parse(String text) {
        if (text == null || text.isEmpty()) {
            return EVERYTHING;
        }
        List<Term> terms = new ArrayList<>();
        for (String part : text.split(",")) {
            Term t = term(part);
            if (t == null) {
                throw new SelectorSyntaxException("invalid selector: '" + text + "'; can't understand '" + part + "'");
            }
            terms.add(t);
        }
        return new FieldSelector(terms);
    }

    private static Term term(String part) {
        for (String op : List.of("!=", "==", "=")) {
            int at = part.indexOf(op);
            if (at >= 0) {
                return new Term(part.substring(0, at), !op.equals("!="), part.substring(at + op.length()));
            }
        }
        return null;
    }

    /** The first field label {@code kind} has no index for ("field label not supported: X"), or null. */
    public String unsupported(String kind) {
        for (Term t : terms) {
            if (!EVERY_KIND.contains(t.field()) && !BY_KIND.getOrDefault(kind, Set.of()).contains(t.field())) {
                return t.field();
            }
        }
        return null;
    }

    public boolean matches(JsonNode o) {
        for (Term t : terms) {
            if (t.equal() != value(o, t.field()).equals(t.value())) {
                return false;
            }
        }
        return true;
    }

    private static String value(JsonNode o, String path) {
        return switch (path) {
            case "metadata.name" -> Meta.name(o);
            case "metadata.namespace" -> Meta.namespace(o);
            case "source" -> o.path("source").path("component").asText("");
            case "status.podIPs" -> o.path("status").path("podIP").asText("");
            default -> {
                JsonNode n = o;
                for (String p : path.split("\\.")) {
                    n = n.path(p);
                }
                yield n.isMissingNode() || n.isNull() ? unset(path) : n.asText();
            }
        };
    }

    /** What the server's field set holds for an unset field: false for booleans, 0 for counts, else "". */
    private static String unset(String path) {
        return switch (path) {
            case "spec.hostNetwork", "spec.unschedulable" -> "false";
            case "status.replicas" -> "0";
            default -> "";
        };
    }
}
