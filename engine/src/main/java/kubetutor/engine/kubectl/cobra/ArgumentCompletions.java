package kubetutor.engine.kubectl.cobra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.verb.ApiResourcesVerb;
import kubetutor.engine.kubectl.verb.KubeConfigFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What kubectl 1.32 offers for a command's arguments (the ValidArgsFunction each command sets, from
 * kubectl's pkg/util/completion) and for the flags it registers a completion for. Names come from the
 * cluster as {@code kubectl get} would list them; with no server to ask there are none, as kubectl
 * finds none when its requests fail.
 */
final class ArgumentCompletions {
    /** The functions, by command; a command not here completes no arguments. */
    private static final Map<String, Kind> ARGUMENTS = Map.ofEntries(
            Map.entry("get", Kind.TYPE_AND_NAME), Map.entry("describe", Kind.TYPE_AND_NAME), Map.entry("delete", Kind.TYPE_AND_NAME),
            Map.entry("edit", Kind.TYPE_AND_NAME), Map.entry("label", Kind.TYPE_AND_NAME), Map.entry("annotate", Kind.TYPE_AND_NAME),
            Map.entry("patch", Kind.TYPE_AND_NAME),
            Map.entry("logs", Kind.POD_AND_CONTAINER), Map.entry("exec", Kind.POD), Map.entry("attach", Kind.POD),
            Map.entry("port-forward", Kind.POD),
            Map.entry("top pod", Kind.POD_NAME), Map.entry("top node", Kind.NODE_NAME),
            Map.entry("config use-context", Kind.CONTEXT), Map.entry("config delete-context", Kind.CONTEXT),
            Map.entry("config rename-context", Kind.CONTEXT), Map.entry("config set-context", Kind.CONTEXT));

    /** The types commands that take only some accept (their validArgs), in kubectl's order. */
    private static final Map<String, List<String>> ALLOWED_TYPES = Map.of(
            "scale", List.of("deployment", "replicaset", "replicationcontroller", "statefulset"),
            "expose", List.of("pod", "service", "replicationcontroller", "deployment", "replicaset"),
            "rollout history", List.of("deployment", "daemonset", "statefulset"),
            "rollout status", List.of("deployment", "daemonset", "statefulset"),
            "rollout restart", List.of("deployment", "daemonset", "statefulset"),
            "rollout undo", List.of("deployment", "daemonset", "statefulset"),
            "rollout pause", List.of("deployment"),
            "rollout resume", List.of("deployment"),
            "set image", List.of("daemonsets", "deployments", "pods", "cronjobs", "replicasets", "replicationcontrollers",
                    "statefulsets"));

    /** Commands that take one object only (kubectl's "NoRepeat" functions). */
    private static final Set<String> ONE_OBJECT = Set.of("rollout status", "set image");

    /** The kinds that hold pods, offered as "TYPE/" where a pod is expected. */
    private static final List<String> WITH_PODS = List.of("daemonsets", "deployments", "pods", "jobs", "replicasets",
            "replicationcontrollers", "services", "statefulsets");

    /** Resources the API server only creates (reviews, bindings): "api-resources --verbs=get" leaves them out. */
    private static final Set<String> CREATE_ONLY = Set.of("bindings", "tokenreviews", "localsubjectaccessreviews",
            "selfsubjectaccessreviews", "selfsubjectrulesreviews", "subjectaccessreviews", "selfsubjectreviews");

    private enum Kind { TYPE_AND_NAME, POD, POD_AND_CONTAINER, POD_NAME, NODE_NAME, CONTEXT }

    /** The candidates and directive of one answer. */
    record Answer(List<String> candidates, int directive) {}

    private final Invocation inv;
    private final CompletionLine line;

    ArgumentCompletions(Invocation inv, CompletionLine line) {
        this.inv = inv;
        this.line = line;
    }

    /** The command's argument completion, or empty when it has none. */
    Optional<Answer> forArguments() {
        String command = line.command();
        List<String> allowed = ALLOWED_TYPES.get(command);
        if (allowed != null) {
            return Optional.of(typeAndName(allowed, !ONE_OBJECT.contains(command)));
        }
        Kind kind = ARGUMENTS.get(command);
        if (kind == null) {
            return Optional.empty();
        }
        List<String> args = line.args();
        String word = line.toComplete();
        return Optional.of(switch (kind) {
            case TYPE_AND_NAME -> typeAndName(List.of(), true);
            case POD -> args.isEmpty() ? pods(word) : none();
            case POD_AND_CONTAINER -> args.isEmpty() ? pods(word) : args.size() == 1 ? new Answer(containers(args.get(0), word),
                    Directive.NO_FILE_COMP) : none();
            case POD_NAME -> new Answer(args.isEmpty() ? names("pod", word) : List.of(), Directive.NO_FILE_COMP);
            case NODE_NAME -> new Answer(args.isEmpty() ? names("node", word) : List.of(), Directive.NO_FILE_COMP);
            case CONTEXT -> new Answer(args.isEmpty() ? contexts(word) : List.of(), Directive.NO_FILE_COMP);
        });
    }

    /** The completion kubectl registers for a flag's value, or empty when it registers none. */
    Optional<Answer> forFlag(String flag) {
        String word = line.toComplete();
        return switch (flag) {
            case "namespace" -> Optional.of(new Answer(names("namespace", word), Directive.NO_FILE_COMP));
            case "context" -> Optional.of(new Answer(contexts(word), Directive.NO_FILE_COMP));
            case "cluster", "user" -> Optional.of(new Answer(List.of(), Directive.NO_FILE_COMP)); // the simulated kubeconfig keeps neither's names apart
            case "container" -> line.command().equals("exec") && !line.args().isEmpty()
                    ? Optional.of(new Answer(containers(line.args().get(0), word), Directive.NO_FILE_COMP)) : Optional.empty();
            case "output" -> line.command().equals("get") ? Optional.of(new Answer(prefixed(List.of("json", "yaml", "name",
                    "go-template", "go-template-file", "template", "templatefile", "jsonpath", "jsonpath-as-json", "jsonpath-file",
                    "custom-columns", "custom-columns-file", "wide"), word), Directive.NO_FILE_COMP)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Answer none() {
        return new Answer(List.of(), Directive.NO_FILE_COMP);
    }

    /** resourceTypeAndNameCompletionFunc: types first, then names of the type; TYPE/NAME once a "/" is typed. */
    private Answer typeAndName(List<String> allowed, boolean repeat) {
        List<String> args = line.args();
        String word = line.toComplete();
        List<String> out = new ArrayList<>();
        int directive = Directive.NO_FILE_COMP;
        if (!args.isEmpty() && !args.get(0).contains("/")) {
            if (repeat || args.size() == 1) {
                out.addAll(names(args.get(0), word));
                out.removeAll(args.subList(1, args.size()));
            }
        } else if (!word.contains("/")) {
            if (args.isEmpty()) {
                out.addAll(allowed.isEmpty() ? types(word) : prefixed(allowed, word));
            } else if (repeat) {
                directive |= Directive.NO_SPACE;
                (allowed.isEmpty() ? types(word) : prefixed(allowed, word)).forEach(t -> out.add(t + "/"));
            }
        } else if (repeat || args.isEmpty()) {
            String type = word.substring(0, word.indexOf('/'));
            names(type, word.substring(word.indexOf('/') + 1)).forEach(n -> out.add(type + "/" + n));
            out.removeAll(args);
        }
        return new Answer(out, directive);
    }

    /** doPodResourceCompletion: pod names, and the kinds that hold pods as "TYPE/". */
    private Answer pods(String word) {
        List<String> out = new ArrayList<>();
        int directive = Directive.NO_FILE_COMP;
        if (word.contains("/")) {
            String type = word.substring(0, word.indexOf('/'));
            names(type, word.substring(word.indexOf('/') + 1)).forEach(n -> out.add(type + "/" + n));
            return new Answer(out, directive);
        }
        out.addAll(names("pod", word));
        if (out.isEmpty()) {
            directive |= Directive.NO_SPACE; // only "TYPE/" is left, and a name goes on after it
        }
        prefixed(WITH_PODS, word).forEach(t -> out.add(t + "/"));
        return new Answer(out, directive);
    }

    /** compGetResourceList: "api-resources -o name --verbs=get"; in a comma list, the last type is completed. */
    private List<String> types(String word) {
        if (!serverAnswers()) {
            return List.of();
        }
        int comma = word.lastIndexOf(',');
        String prefix = word.substring(0, comma + 1);
        String last = word.substring(comma + 1);
        List<ApiResourcesVerb.ApiResource> sorted = new ArrayList<>(ApiResourcesVerb.ALL);
        sorted.sort(java.util.Comparator.comparing(ApiResourcesVerb.ApiResource::group)); // api-resources' order
        List<String> out = new ArrayList<>();
        for (ApiResourcesVerb.ApiResource r : sorted) {
            String name = r.name() + (r.group().isEmpty() ? "" : "." + r.group());
            if (!CREATE_ONLY.contains(r.name()) && name.startsWith(last)) {
                out.add(prefix + name);
            }
        }
        return out;
    }

    /** CompGetResource: the names "kubectl get TYPE" lists in the line's namespace. */
    private List<String> names(String typeWord, String word) {
        Optional<ResourceType> type = ResourceTypes.find(typeWord);
        if (type.isEmpty() || !serverAnswers()) {
            return List.of();
        }
        String namespace = type.get().namespaced() ? namespace() : null;
        List<String> out = new ArrayList<>();
        for (ObjectNode o : inv.cluster().store().list(type.get(), namespace)) {
            if (Meta.name(o).startsWith(word)) {
                out.add(Meta.name(o));
            }
        }
        return out;
    }

    /** CompGetContainers: the pod's init containers, then its containers. */
    private List<String> containers(String pod, String word) {
        if (!serverAnswers()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        ObjectNode p = inv.cluster().store().get(ResourceTypes.POD, namespace(), pod);
        for (String field : List.of("initContainers", "containers")) {
            for (JsonNode c : p == null ? List.<JsonNode>of() : p.path("spec").path(field)) {
                if (c.path("name").asText().startsWith(word)) {
                    out.add(c.path("name").asText());
                }
            }
        }
        return out;
    }

    private List<String> contexts(String word) {
        return prefixed(new ArrayList<>(inv.kubeconfig().contexts().keySet()), word);
    }

    private String namespace() {
        String n = line.namespace();
        return n != null && !n.isEmpty() ? n : inv.kubeconfig().namespace();
    }

    private boolean serverAnswers() {
        return KubeConfigFile.unusable(inv.kubeconfig()) == null;
    }

    private static List<String> prefixed(List<String> values, String word) {
        return values.stream().filter(v -> v.startsWith(word)).toList();
    }
}
