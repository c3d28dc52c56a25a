package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Verb;
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
            PodForObject.Purpose.LOGS.timeoutFlag()),
            ValueKind.POD);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        List<String> pos = inv.args().positional();
        if (pos.isEmpty()) {
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
        PodTarget t = PodTarget.resolve(inv, pos.get(0), containerFlag, PodForObject.Purpose.LOGS);
        KubeletDial.forLogs(inv, t.pod(), t.container(), kubeletQuery(inv, tail));
        String id = containerId(t, inv.args().bool("previous"));
        boolean stamps = inv.args().bool("timestamps");
        List<LogLine> lines = inv.cluster().runtime().logs(id).orElse(List.of());
        int from = tail < 0 ? 0 : Math.max(0, lines.size() - tail);
        print(inv, lines.subList(from, lines.size()), stamps);
        if (inv.args().bool("follow") && !inv.args().bool("previous")) {
            follow(inv, id, lines.size(), stamps);
        }
        return 0;
    }

    /** The API server's query to the kubelet (url.Values.Encode: keys sorted). */
    private static String kubeletQuery(Invocation inv, int tail) {
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
    private static String containerId(PodTarget t, boolean previous) {
        JsonNode s = t.status();
        String where = "container \"" + t.container() + "\" in pod \"" + t.podName() + "\"";
        if (previous) {
            JsonNode last = s == null ? null : s.path("lastState").get("terminated");
            if (last == null) {
                throw new ApiException(ApiException.Reason.BadRequest, "previous terminated " + where + " not found");
            }
            return last.path("containerID").asText();
        }
        if (s == null) {
            throw new ApiException(ApiException.Reason.BadRequest, where + " is waiting to start: ContainerCreating");
        }
        JsonNode state = s.path("state");
        if (state.has("running")) {
            return s.path("containerID").asText();
        }
        if (state.has("terminated")) {
            return state.path("terminated").path("containerID").asText();
        }
        JsonNode last = s.path("lastState").get("terminated");
        if (last != null) {
            return last.path("containerID").asText();
        }
        String reason = state.path("waiting").path("reason").asText("ContainerCreating");
        if (reason.equals("ErrImagePull") || reason.equals("ImagePullBackOff")) {
            throw new ApiException(ApiException.Reason.BadRequest, where + " is waiting to start: trying and failing to pull image");
        }
        throw new ApiException(ApiException.Reason.BadRequest, where + " is waiting to start: " + reason);
    }

    private static void print(Invocation inv, List<LogLine> lines, boolean stamps) {
        if (lines.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (LogLine l : lines) {
            if (stamps) {
                sb.append(l.time()).append(' ');
            }
            sb.append(l.text()).append('\n');
        }
        inv.sink().emit(new Output.Text(sb.toString(), Output.TextKind.LOG));
    }

    /**
     * -f: new lines as the container writes them, until it exits. Batch mode has no Ctrl-C, so a
     * quiet minute of simulated time ends it there, as a bounded watch does.
     */
    static void follow(Invocation inv, String id, int seen, boolean stamps) {
        var runtime = inv.cluster().runtime();
        int[] printed = {seen};
        boolean wall = inv.pacer().followsWallClock();
        while (true) {
            Instant limit = wall ? Instant.MAX : inv.now().plus(Duration.ofMinutes(1));
            boolean[] ended = {false};
            boolean go = inv.runUntil(() -> {
                List<LogLine> now = runtime.logs(id).orElse(List.of());
                ended[0] = !stillRunning(inv, id);
                return now.size() > printed[0] || ended[0];
            }, limit);
            List<LogLine> now = runtime.logs(id).orElse(List.of());
            if (now.size() > printed[0]) {
                print(inv, now.subList(printed[0], now.size()), stamps);
                printed[0] = now.size();
            }
            if (!go || ended[0] || !inv.now().isBefore(limit)) {
                return;
            }
        }
    }

    private static boolean stillRunning(Invocation inv, String id) {
        return inv.cluster().runtime().exec(id, List.of("true"), Duration.ofSeconds(1)).isPresent();
    }
}
