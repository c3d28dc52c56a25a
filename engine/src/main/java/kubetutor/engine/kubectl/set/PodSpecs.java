package kubetutor.engine.kubectl.set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;

import java.util.ArrayList;
import java.util.List;

/**
 * polymorphichelpers' UpdatePodSpecForObject and set's container selection: where an object keeps
 * the pod spec the set commands change (a pod's own, a workload's template), and which of its
 * containers a {@code -c} pattern names.
 */
final class PodSpecs {
    /** A kind without a pod spec, in the words kubectl uses (it names the Go type). */
    static final class NoPodTemplate extends RuntimeException {
        NoPodTemplate(ResourceType type) {
            // Go's %T of the typed object: core/v1 and apps/v1 are both package "v1"
            super("the object is not a pod or does not have a pod template: *v1." + type.kind(), null, false, false);
        }
    }

    private PodSpecs() {}

    /** The pod spec inside {@code obj} (created when missing), to change in place. */
    static ObjectNode of(ResourceType type, ObjectNode obj) {
        if (type == ResourceTypes.POD) {
            return child(obj, "spec");
        }
        if (type == ResourceTypes.DEPLOYMENT || type == ResourceTypes.REPLICA_SET || type == ResourceTypes.DAEMON_SET
                || type == ResourceTypes.REPLICATION_CONTROLLER) {
            return child(child(child(obj, "spec"), "template"), "spec");
        }
        throw new NoPodTemplate(type);
    }

    /** The init containers, then the containers, of a pod spec whose names match {@code pattern}. */
    static List<ObjectNode> select(ObjectNode spec, String pattern) {
        List<ObjectNode> out = new ArrayList<>();
        // set env and set resources append the init containers after the containers
        for (String list : List.of("containers", "initContainers")) {
            for (JsonNode c : spec.path(list)) {
                if (c.isObject() && matches(c.path("name").asText(""), pattern)) {
                    out.add((ObjectNode) c);
                }
            }
        }
        return out;
    }

    /**
     * set's selectString: '*' alone matches everything; otherwise the parts between stars must
     * appear in order, the first at the start and the last at the end.
     */
    static boolean matches(String s, String spec) {
        if (spec.equals("*")) {
            return true;
        }
        if (!spec.contains("*")) {
            return s.equals(spec);
        }
        int pos = 0;
        String[] parts = spec.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                continue;
            }
            // kubectl searches from pos but compares the index to pos as if it were absolute
            int next = s.substring(pos).indexOf(part);
            if (next < pos || (i == 0 && pos != 0) || (i == parts.length - 1 && s.length() != part.length() + next)) {
                return false;
            }
            pos = next;
        }
        return true;
    }

    static ObjectNode child(ObjectNode parent, String field) {
        JsonNode c = parent.get(field);
        return c instanceof ObjectNode o ? o : parent.putObject(field);
    }
}
