package kubetutor.engine.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ApiStore;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.Durations;
import kubetutor.engine.output.Output;
import kubetutor.engine.podlife.PodLifeRecorder;
import kubetutor.engine.output.Sink;
import kubetutor.engine.output.Timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code timeline TYPE/NAME [--since DURATION] [-n NAMESPACE]}: the rollout timeline of a
 * Deployment, ReplicaSet or ReplicationController, from what the {@link PodLifeRecorder} saw.
 */
public final class TimelineCommand {
    private static final String USAGE = "(timeline deploy/NAME, rs/NAME or rc/NAME)";
    private static final Set<ResourceType> OWNERS = Set.of(ResourceTypes.DEPLOYMENT, ResourceTypes.REPLICA_SET,
            ResourceTypes.REPLICATION_CONTROLLER);

    private TimelineCommand() {}

    public static CommandSpec spec() {
        return CommandSpec.of("timeline", "Draw the rollout timeline of a deployment: 'timeline deploy/NAME' (rs/, rc/ too)",
                List.of(FlagSpec.value("since", "", ValueKind.DURATION, "", "only the last DURATION of simulated time (30s, 5m)"),
                        FlagSpec.value("namespace", "n", ValueKind.NAMESPACE, "", "the namespace of the object")), ValueKind.TEXT);
    }

    /** What was asked for: the object, the namespace, and how far back to look (null: since its first pod). */
    record Request(ResourceType type, String name, String namespace, Duration since) {}

    public static int run(List<String> args, String namespace, ApiStore store, PodLifeRecorder recorder, Instant now, Sink sink) {
        Request request = parse(args, namespace);
        JsonNode obj = store.get(request.type(), request.namespace(), request.name());
        if (obj == null) {
            sink.emit(Output.Error.of("Error from server (NotFound): " + request.type().qualifiedPlural() + " \""
                    + request.name() + "\" not found"));
            return 1;
        }
        String subject = request.type().qualifiedKindLower() + "/" + request.name();
        Timeline timeline = Timelines.of(subject, obj, request.type() == ResourceTypes.DEPLOYMENT, recorder, now, request.since());
        if (timeline.rows().isEmpty() && timeline.steps().isEmpty()) {
            sink.emit(Output.Error.info("No pods of " + subject + (request.since() == null ? "" : " in the last "
                    + request.since().getSeconds() + "s") + " to draw."));
            return 0;
        }
        sink.emit(new Output.TimelineOutput(timeline));
        return 0;
    }

    static Request parse(List<String> args, String namespace) {
        List<String> operands = new ArrayList<>();
        Duration since = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String flag = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (flag.equals("--since") || flag.equals("-n") || flag.equals("--namespace")) {
                String value;
                if (a.contains("=")) {
                    value = a.substring(a.indexOf('=') + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException("timeline: flag needs an argument: " + a);
                }
                if (flag.equals("--since")) {
                    since = duration(value);
                } else {
                    namespace = value;
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                throw new UsageException("timeline: unknown flag: " + a + " (see 'help timeline')");
            } else {
                operands.add(a);
            }
        }
        if (operands.size() == 1 && operands.get(0).contains("/")) {
            String[] parts = operands.get(0).split("/", 2);
            operands = List.of(parts[0], parts[1]);
        }
        if (operands.size() != 2 || operands.get(1).isEmpty()) {
            throw new UsageException("timeline: " + (operands.isEmpty() ? "missing" : "one") + " TYPE/NAME, please " + USAGE);
        }
        String typeWord = operands.get(0);
        ResourceType type = ResourceTypes.find(typeWord).orElseThrow(() -> new UsageException(
                "error: the server doesn't have a resource type \"" + typeWord + "\""));
        if (!OWNERS.contains(type)) {
            throw new UsageException("timeline: " + type.plural() + " have no rollout to draw " + USAGE);
        }
        return new Request(type, operands.get(1), namespace, since);
    }

    private static Duration duration(String text) {
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (UsageException e) {
            throw new UsageException("timeline: invalid duration '" + text + "' for --since (30s, 5m, 1h)");
        }
        if (d.isZero() || d.isNegative()) {
            throw new UsageException("timeline: --since must be more than 0s");
        }
        return d;
    }

    /** The owners whose pods make a timeline, each with the revision its pods show. */
    static Map<String, Integer> owners(JsonNode obj, boolean deployment, PodLifeRecorder recorder) {
        Map<String, Integer> owners = new java.util.LinkedHashMap<>();
        if (deployment) {
            for (var e : recorder.replicaSetsOf(Meta.uid(obj))) {
                owners.put(e.getKey(), e.getValue().revision());
            }
        } else {
            String revision = Meta.annotations(obj).getOrDefault("deployment.kubernetes.io/revision", "0");
            owners.put(Meta.uid(obj), revision.matches("\\d{1,9}") ? Integer.parseInt(revision) : 0);
        }
        return owners;
    }
}
