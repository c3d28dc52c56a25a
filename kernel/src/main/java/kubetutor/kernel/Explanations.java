package kubetutor.kernel;

import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.session.Session;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shift-Tab help for the word under the cursor: a resource type, a manifest field, a command or a
 * flag. The resource and field texts are a small built-in set until the engine's
 * {@code kubectl explain} is merged; commands and flags come from the command table.
 */
final class Explanations {
    private static final Map<String, String> TYPES = Map.of(
            "Pod", "The smallest thing Kubernetes runs: one or more containers that share an IP address and volumes,"
                    + " scheduled together onto one node. Pods are usually created by a controller rather than by hand.",
            "ReplicationController", "Keeps a given number of copies of a pod running: it creates pods from its"
                    + " template when there are too few with matching labels, and deletes some when there are too many.",
            "Service", "A stable name and virtual IP in front of a changing set of pods, chosen by a label selector;"
                    + " traffic to the service is spread across the ready pods.",
            "Deployment", "Declares the pods an application should run and rolls out changes to them step by step,"
                    + " through a new ReplicaSet for each version of the pod template.",
            "ReplicaSet", "The successor of the ReplicationController: keeps a number of pod replicas running,"
                    + " with set-based label selectors. Deployments manage ReplicaSets for you.",
            "Node", "A machine (virtual or physical) in the cluster. The kubelet on each node runs the pods the"
                    + " scheduler assigns to it and reports their status.",
            "Namespace", "A named scope for objects: names need only be unique within a namespace, and most"
                    + " commands act on one namespace at a time (-n NAME, or the context's default).",
            "Event", "A short record of something that happened to an object (scheduled, pulled an image, started,"
                    + " failed). kubectl describe shows an object's recent events.",
            "Endpoints", "The list of IP addresses and ports behind a Service: the ready pods its selector matches,"
                    + " kept up to date by the endpoints controller.");

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("apiVersion", "The API group and version the object's schema belongs to, e.g. v1 or apps/v1."),
            Map.entry("kind", "The type of object this manifest describes, e.g. Pod, Service, Deployment."),
            Map.entry("metadata", "Data that identifies the object: name, namespace, labels, annotations."),
            Map.entry("name", "The object's name, unique among objects of its kind in its namespace."),
            Map.entry("namespace", "The namespace the object lives in; the context's namespace when left out."),
            Map.entry("labels", "Key/value pairs for grouping and selecting objects (label selectors use them)."),
            Map.entry("annotations", "Key/value pairs for tools and people; not used to select objects."),
            Map.entry("spec", "The desired state: what you want the object to be."),
            Map.entry("status", "The observed state, written by the cluster; you do not set it."),
            Map.entry("containers", "The list of containers of the pod: each has a name, an image, and optionally"
                    + " ports, commands, environment and probes."),
            Map.entry("image", "The container image to run, e.g. nginx:1.27 (registry/repository:tag)."),
            Map.entry("ports", "Ports the container listens on (informational for pods; services route to them)."),
            Map.entry("containerPort", "A port number the container listens on."),
            Map.entry("selector", "Which pods (by their labels) this object manages or routes traffic to."),
            Map.entry("replicas", "How many copies of the pod should run."),
            Map.entry("template", "The pod template new pods are created from."),
            Map.entry("restartPolicy", "Whether the kubelet restarts exited containers: Always, OnFailure or Never."),
            Map.entry("nodeName", "The node the pod runs on; set by the scheduler."));

    private final Session session;

    Explanations(Session session) {
        this.session = session;
    }

    /** Help for the word at {@code cursor}, or empty. */
    Optional<String> explain(String code, int cursor) {
        String word = wordAt(code, cursor);
        if (word.isEmpty()) {
            return Optional.empty();
        }
        Optional<ResourceType> type = ResourceTypes.find(word.contains("/") ? word.substring(0, word.indexOf('/')) : word);
        if (type.isPresent()) {
            ResourceType t = type.get();
            return Optional.of("KIND:     " + t.kind() + "\nVERSION:  " + t.apiVersion() + "\n\nDESCRIPTION:\n    "
                    + TYPES.getOrDefault(t.kind(), t.kind()) + "\n");
        }
        if (TYPES.containsKey(word)) {
            return explain(word.toLowerCase(java.util.Locale.ROOT), word.length());
        }
        String field = word.endsWith(":") ? word.substring(0, word.length() - 1) : word;
        if (FIELDS.containsKey(field)) {
            return Optional.of("FIELD:    " + field + "\n\nDESCRIPTION:\n    " + FIELDS.get(field) + "\n");
        }
        for (CommandSpec c : session.commands()) {
            Optional<String> found = command(c, word, c.name());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> command(CommandSpec c, String word, String path) {
        if (c.name().equals(word) || c.aliases().contains(word)) {
            return Optional.of(path + ": " + c.summary() + "\n");
        }
        if (word.startsWith("-")) {
            String name = word.replaceFirst("^--?", "").replaceFirst("=.*", "");
            for (FlagSpec f : c.flags()) {
                if (f.name().equals(name) || name.equals(f.shorthand())) {
                    return Optional.of(path + " --" + f.name() + (f.shorthand() == null ? "" : ", -" + f.shorthand())
                            + ": " + f.usage() + "\n");
                }
            }
        }
        for (CommandSpec s : c.subcommands()) {
            Optional<String> found = command(s, word, path + " " + s.name());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    static String wordAt(String code, int cursor) {
        int at = Math.min(Math.max(cursor, 0), code.length());
        int start = at;
        while (start > 0 && !Character.isWhitespace(code.charAt(start - 1))) {
            start--;
        }
        int end = at;
        while (end < code.length() && !Character.isWhitespace(code.charAt(end))) {
            end++;
        }
        return code.substring(start, end);
    }

    static List<String> kinds() {
        return List.copyOf(TYPES.keySet());
    }
}
