package kubetutor.engine.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.selector.LabelSelector;
import kubetutor.engine.selector.SelectorSyntaxException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The -l and --field-selector of a list call. kubectl sends both to the API server as written; the
 * server parses them (apimachinery labels.Parse, fields.ParseSelector), converts each field label
 * for the kind (its registry's field label conversion), and answers 400 BadRequest, which
 * cli-runtime's Selector visitor rewraps as "Unable to find ... that match label selector ...".
 */
final class ListSelectors {
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

    private final String labelText;
    private final String fieldText;
    private final LabelSelector labels;
    private final List<String[]> fields;
    private final String syntaxError;

    ListSelectors(String labelText, String fieldText) {
        this.labelText = labelText;
        this.fieldText = fieldText;
        LabelSelector parsed = null;
        String error = null;
        try {
            parsed = LabelSelector.parse(labelText);
        } catch (SelectorSyntaxException e) {
            error = e.getMessage();
        }
        List<String[]> terms = new ArrayList<>();
        if (error == null && !fieldText.isEmpty()) {
            for (String part : fieldText.split(",")) {
                String[] kv = term(part);
                if (kv == null) {
                    error = "invalid selector: '" + fieldText + "'; can't understand '" + part + "'";
                    break;
                }
                terms.add(kv);
            }
        }
        this.labels = parsed;
        this.fields = terms;
        this.syntaxError = error;
    }

    private static String[] term(String part) {
        for (String op : List.of("!=", "==", "=")) {
            int at = part.indexOf(op);
            if (at >= 0) {
                return new String[] {part.substring(0, at), op.equals("!=") ? "!=" : "=", part.substring(at + op.length())};
            }
        }
        return null;
    }

    /** Throws the API server's answer, as kubectl prints it, when it would refuse to list {@code type} so. */
    void check(ResourceType type) {
        String error = syntaxError;
        if (error == null) {
            for (String[] f : fields) {
                if (!EVERY_KIND.contains(f[0]) && !BY_KIND.getOrDefault(type.kind(), Set.of()).contains(f[0])) {
                    error = "field label not supported: " + f[0];
                    break;
                }
            }
        }
        if (error != null) {
            throw new UsageException("Error from server (BadRequest): Unable to find \"" + type.group() + "/"
                    + type.version() + ", Resource=" + type.plural() + "\" that match label selector \"" + labelText
                    + "\", field selector \"" + fieldText + "\": " + error);
        }
    }

    boolean matches(JsonNode o) {
        if (!labels.matches(Meta.labels(o))) {
            return false;
        }
        for (String[] f : fields) {
            if (f[1].equals("=") != field(o, f[0]).equals(f[2])) {
                return false;
            }
        }
        return true;
    }

    private static String field(JsonNode o, String path) {
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
                yield n.isMissingNode() || n.isNull() ? defaultValue(path) : n.asText();
            }
        };
    }

    /** What the server's field set holds for an unset field: false for booleans, 0 for counts, else "". */
    private static String defaultValue(String path) {
        return switch (path) {
            case "spec.hostNetwork", "spec.unschedulable" -> "false";
            case "status.replicas" -> "0";
            default -> "";
        };
    }
}
