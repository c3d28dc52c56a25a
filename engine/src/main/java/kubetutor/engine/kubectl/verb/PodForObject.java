package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.Durations;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.ResourceArgs;
import kubetutor.engine.output.Output;
import kubetutor.engine.selector.LabelSelector;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The pod a "POD" or "TYPE/NAME" argument of logs, exec and port-forward stands for. A pod is
 * itself; a Deployment, ReplicaSet, ReplicationController or Service stands for the first pod its
 * selector matches, in the order kubectl sorts them, waiting up to --pod-running-timeout for one
 * to exist.
 */
final class PodForObject {
    /**
     * logs wants the pod most worth reading; exec, attach, run and port-forward the one most likely
     * to answer. They also wait for it differently long by default.
     */
    enum Purpose {
        LOGS("20s"), ATTACH("1m0s");

        private final String defaultTimeout;

        Purpose(String defaultTimeout) {
            this.defaultTimeout = defaultTimeout;
        }

        /** The verb's --pod-running-timeout flag, with this purpose's default. */
        FlagSpec timeoutFlag() {
            return FlagSpec.value("pod-running-timeout", null, ValueKind.DURATION, defaultTimeout,
                    "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running");
        }
    }

    private PodForObject() {}

    /** --pod-running-timeout as given, else the purpose's default. */
    static Duration timeout(Invocation inv, Purpose purpose) {
        Duration timeout = Durations.parse(inv.args().get("pod-running-timeout", purpose.defaultTimeout));
        if (timeout.isZero() || timeout.isNegative()) {
            throw new UsageException("error: --pod-running-timeout must be higher than zero");
        }
        return timeout;
    }

    /** The named object; logs rewords its NotFound (logs.go Complete), exec and attach pass it on as the server said it. */
    private static JsonNode fetch(Invocation inv, ResourceType type, String name, Purpose purpose) {
        try {
            return inv.cluster().api().get(type, inv.namespace(), name);
        } catch (ApiException e) {
            if (purpose != Purpose.LOGS || e.reason() != ApiException.Reason.NotFound) {
                throw e;
            }
            throw new UsageException("error: error from server (NotFound): " + e.getMessage() + " in namespace \"" + inv.namespace() + "\"");
        }
    }

    static JsonNode resolve(Invocation inv, String arg, Purpose purpose) {
        Duration timeout = timeout(inv, purpose);
        int slash = arg.indexOf('/');
        if (slash < 0) {
            return fetch(inv, ResourceTypes.POD, arg, purpose);
        }
        ResourceType type = ResourceArgs.type(arg.substring(0, slash));
        String name = arg.substring(slash + 1);
        JsonNode owner = fetch(inv, type, name, purpose);
        if (type == ResourceTypes.POD) {
            return owner;
        }
        LabelSelector selector = selectorOf(type, owner, purpose);
        List<JsonNode> pods = new ArrayList<>();
        boolean found = inv.runUntil(() -> {
            pods.clear();
            for (JsonNode p : inv.cluster().store().list(ResourceTypes.POD, inv.namespace())) {
                if (selector.matches(Meta.labels(p))) {
                    pods.add(p);
                }
            }
            return !pods.isEmpty();
        }, inv.now().plus(timeout));
        if (!found || pods.isEmpty()) {
            throw new UsageException("error: timed out waiting for the condition");
        }
        pods.sort(purpose == Purpose.LOGS ? BY_LOGGING : FOR_ATTACH);
        JsonNode pod = pods.get(0);
        if (purpose == Purpose.LOGS && pods.size() > 1) {
            inv.sink().emit(Output.Error.info("Found " + pods.size() + " pods, using pod/" + Meta.name(pod)));
        }
        return pod;
    }

    private static LabelSelector selectorOf(ResourceType type, JsonNode owner, Purpose purpose) {
        JsonNode selector = owner.path("spec").path("selector");
        String goType = "*v1." + type.kind();
        String prefix = "error: " + (purpose == Purpose.LOGS ? "cannot get the logs from " : "cannot attach to ") + goType + ": ";
        if (type == ResourceTypes.DEPLOYMENT || type == ResourceTypes.REPLICA_SET) {
            return LabelSelector.fromApi(selector);
        }
        if (type == ResourceTypes.REPLICATION_CONTROLLER || type == ResourceTypes.SERVICE) {
            if (selector.isEmpty()) {
                throw new UsageException(prefix + "invalid service '" + Meta.name(owner) + "': Service is defined without a selector");
            }
            return LabelSelector.fromMap(Meta.stringMap(selector));
        }
        throw new UsageException(prefix + "selector for " + goType + " not implemented");
    }

    // The orders of kubectl's podutils.ByLogging and (reversed) ActivePods: scheduled before
    // unscheduled, Running before Pending, ready before not ready, ready longest first. They differ
    // on restarts: logs shows the pod that restarted most, attach picks the one that restarted least.
    private static final Comparator<JsonNode> COMMON = Comparator
            .comparing((JsonNode p) -> p.path("spec").path("nodeName").asText("").isEmpty())
            .thenComparingInt(p -> phaseRank(p.path("status").path("phase").asText("Pending")))
            .thenComparing(p -> !ready(p))
            .thenComparing(p -> readySince(p).orElse(Instant.MAX));

    static final Comparator<JsonNode> BY_LOGGING = COMMON
            .thenComparing(Comparator.comparingInt(PodForObject::maxRestarts).reversed())
            .thenComparing(p -> p.path("metadata").path("creationTimestamp").asText());

    static final Comparator<JsonNode> FOR_ATTACH = COMMON
            .thenComparingInt(PodForObject::maxRestarts)
            .thenComparing(p -> p.path("metadata").path("creationTimestamp").asText());

    private static int phaseRank(String phase) {
        return switch (phase) {
            case "Running" -> 0;
            case "Unknown" -> 1;
            case "Pending" -> 2;
            default -> 3;
        };
    }

    private static boolean ready(JsonNode pod) {
        return readyCondition(pod).map(c -> c.path("status").asText().equals("True")).orElse(false);
    }

    private static java.util.Optional<Instant> readySince(JsonNode pod) {
        if (!ready(pod)) {
            return java.util.Optional.empty();
        }
        return readyCondition(pod).map(c -> c.path("lastTransitionTime").asText(""))
                .filter(s -> !s.isEmpty()).map(Instant::parse);
    }

    private static java.util.Optional<JsonNode> readyCondition(JsonNode pod) {
        for (JsonNode c : pod.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }

    private static int maxRestarts(JsonNode pod) {
        int max = 0;
        for (JsonNode s : pod.path("status").path("containerStatuses")) {
            max = Math.max(max, s.path("restartCount").asInt());
        }
        return max;
    }
}
