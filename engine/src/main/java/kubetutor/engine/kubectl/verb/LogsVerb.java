package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.kubelet.LogSource;
import kubetutor.engine.kubelet.ContainerRuntime.LogLine;
import kubetutor.engine.output.Output;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** kubectl logs: a container's log, the previous instance's (-p), the last lines (--tail), followed (-f). */
public final class LogsVerb implements Verb {
    private static final CommandSpec SPEC = CommandSpec.of("logs", "Print the logs for a container in a pod", List.of(
            FlagSpec.value("container", "c", ValueKind.TEXT, "", "Print the logs of this container"),
            FlagSpec.bool("previous", "p", "If true, print the logs for the previous instance of the container in a pod if it exists."),
            FlagSpec.bool("follow", "f", "Specify if the logs should be streamed."),
            FlagSpec.value("tail", null, ValueKind.TEXT, "-1", "Lines of recent log file to display."),
            FlagSpec.bool("timestamps", null, "Include timestamps on each line in the log output"),
            FlagSpec.value("selector", "l", ValueKind.LABEL_SELECTOR, "", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."),
            FlagSpec.bool("prefix", null, "Prefix each log line with the log source (pod name and container name)"),
            FlagSpec.value("max-log-requests", null, ValueKind.TEXT, "5", "Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5."),
            PodForObject.Purpose.LOGS.timeoutFlag()),
            ValueKind.POD);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        List<String> pos = inv.args().positional();
        boolean bySelector = !inv.args().get("selector", "").isEmpty();
        if (bySelector && pos.size() == 1) {
            throw new UsageException("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples");
        }
        if (pos.isEmpty() && !bySelector) {
            throw new UsageException("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\n"
                    + "POD or TYPE/NAME is a required argument for the logs command\n"
                    + "See 'kubectl logs -h' for help and examples");
        }
        String containerFlag = inv.args().get("container");
        if (containerFlag == null && pos.size() > 1) {
            containerFlag = pos.get(1);
        }
        int tail;
        try {
            tail = Integer.parseInt(inv.args().get("tail", "-1"));
        } catch (NumberFormatException e) {
            throw new UsageException("error: invalid argument \"" + inv.args().get("tail") + "\" for \"--tail\" flag: strconv.ParseInt: parsing \""
                    + inv.args().get("tail") + "\": invalid syntax\nSee 'kubectl logs --help' for usage.");
        }
        if (bySelector) {
            // kubectl's selectorTail: with -l and no --tail, the last 10 lines of each
            return LogsBySelector.run(inv, containerFlag, inv.args().has("tail") ? tail : 10);
        }
        PodTarget t = PodTarget.resolve(inv, pos.get(0), containerFlag, PodForObject.Purpose.LOGS);
        KubeletDial.forLogs(inv, t.pod(), t.container(), kubeletQuery(inv, tail));
        String id = containerId(t, inv.args().bool("previous"));
        boolean stamps = inv.args().bool("timestamps");
        List<LogLine> lines = inv.cluster().runtime().logs(id).orElse(List.of());
        int from = tail < 0 ? 0 : Math.max(0, lines.size() - tail);
        print(inv, lines.subList(from, lines.size()), stamps, "");
        if (inv.args().bool("follow") && !inv.args().bool("previous")) {
            follow(inv, id, lines.size(), stamps);
        }
        return 0;
    }

    /** The API server's query to the kubelet (url.Values.Encode: keys sorted). */
    static String kubeletQuery(Invocation inv, int tail) {
        List<String> params = new java.util.ArrayList<>();
        if (inv.args().bool("follow")) {
            params.add("follow=true");
        }
        if (inv.args().bool("previous")) {
            params.add("previous=true");
        }
        if (tail >= 0) {
            params.add("tailLines=" + tail);
        }
        if (inv.args().bool("timestamps")) {
            params.add("timestamps=true");
        }
        return String.join("&", params);
    }

    /** Which container instance the kubelet reads (its validateContainerLogStatus), or its refusal. */
    static String containerId(PodTarget t, boolean previous) {
        return LogSource.containerId(t.status(), t.podName(), t.container(), previous);
    }

    /** @param prefix what --prefix puts before each line ("[pod/NAME/CONTAINER] "), or "" */
    static void print(Invocation inv, List<LogLine> lines, boolean stamps, String prefix) {
        if (lines.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (LogLine l : lines) {
            sb.append(prefix);
            if (stamps) {
                sb.append(l.time()).append(' ');
            }
            sb.append(l.text()).append('\n');
        }
        inv.sink().emit(new Output.Text(sb.toString(), Output.TextKind.LOG));
    }

    /** How long -f follows at most in batch mode, where there is no Ctrl-C: as long as a watch there. */
    static final Duration BATCH_FOLLOW_LIMIT = Duration.ofMinutes(10);

    /**
     * -f: new lines as the container writes them, until it exits. Batch mode has no Ctrl-C, so a
     * quiet minute of simulated time ends it there, or {@link #BATCH_FOLLOW_LIMIT}, as a bounded watch does.
     */
    static void follow(Invocation inv, String id, int seen, boolean stamps) {
        var runtime = inv.cluster().runtime();
        int[] printed = {seen};
        boolean wall = inv.pacer().followsWallClock();
        Instant end = inv.now().plus(BATCH_FOLLOW_LIMIT);
        while (true) {
            Instant quiet = inv.now().plus(Duration.ofMinutes(1));
            Instant limit = wall ? Instant.MAX : quiet.isBefore(end) ? quiet : end;
            boolean[] ended = {false};
            boolean go = inv.runUntil(() -> {
                List<LogLine> now = runtime.logs(id).orElse(List.of());
                ended[0] = !stillRunning(inv, id);
                return now.size() > printed[0] || ended[0];
            }, limit);
            List<LogLine> now = runtime.logs(id).orElse(List.of());
            if (now.size() > printed[0]) {
                print(inv, now.subList(printed[0], now.size()), stamps, "");
                printed[0] = now.size();
            }
            if (!go || ended[0] || !inv.now().isBefore(limit)) {
                return;
            }
        }
    }

    static boolean stillRunning(Invocation inv, String id) {
        return inv.cluster().runtime().exec(id, List.of("true"), Duration.ofSeconds(1)).isPresent();
    }
}
