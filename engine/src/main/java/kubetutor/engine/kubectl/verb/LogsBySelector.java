package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubelet.ContainerRuntime.LogLine;
import kubetutor.engine.selector.LabelSelector;
import kubetutor.engine.selector.SelectorSyntaxException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code kubectl logs -l SELECTOR}: the logs of every pod the selector matches, each pod's in turn
 * (kubectl goes through a Go map, in no fixed order; kubetutor takes the pods by name), with
 * {@code --prefix} naming each line's pod and container; with -f, all of them at once, and no
 * more than {@code --max-log-requests} streams (5) (kubectl's logs.go, 1.32).
 */
final class LogsBySelector {
    private record Stream(String id, String prefix) {}

    private LogsBySelector() {}

    static int run(Invocation inv, String containerFlag, int tail) {
        LabelSelector selector;
        try {
            selector = LabelSelector.parse(inv.args().get("selector", ""));
        } catch (SelectorSyntaxException e) {
            throw new UsageException("error: " + e.getMessage());
        }
        int max;
        try {
            max = Integer.parseInt(inv.args().get("max-log-requests", "5"));
        } catch (NumberFormatException e) {
            throw new UsageException("Error: invalid argument \"" + inv.args().get("max-log-requests")
                    + "\" for \"--max-log-requests\" flag: strconv.ParseInt: parsing \"" + inv.args().get("max-log-requests")
                    + "\": invalid syntax\nSee 'kubectl logs --help' for usage.");
        }
        List<JsonNode> pods = new ArrayList<>(inv.cluster().store().list(ResourceTypes.POD, inv.namespace()).stream()
                .filter(p -> selector.matches(Meta.labels(p))).toList());
        pods.sort(Comparator.comparing(Meta::name));
        if (pods.isEmpty()) {
            inv.warn("No resources found in " + inv.namespace() + " namespace.");
            return 0;
        }
        boolean previous = inv.args().bool("previous");
        boolean stamps = inv.args().bool("timestamps");
        boolean prefix = inv.args().bool("prefix");
        List<Stream> streams = new ArrayList<>();
        for (JsonNode pod : pods) {
            PodTarget t = PodTarget.of(inv, pod, containerFlag);
            KubeletDial.forLogs(inv, t.pod(), t.container(), LogsVerb.kubeletQuery(inv, tail));
            streams.add(new Stream(LogsVerb.containerId(t, previous),
                    prefix ? "[pod/" + t.podName() + "/" + t.container() + "] " : ""));
        }
        boolean follow = inv.args().bool("follow") && !previous;
        if (follow && streams.size() > 1 && streams.size() > max) {
            throw new UsageException("error: you are attempting to follow " + streams.size()
                    + " log streams, but maximum allowed concurrency is " + max + ", use --max-log-requests to increase the limit");
        }
        int[] printed = new int[streams.size()];
        for (int i = 0; i < streams.size(); i++) {
            List<LogLine> lines = inv.cluster().runtime().logs(streams.get(i).id()).orElse(List.of());
            int from = tail < 0 ? 0 : Math.max(0, lines.size() - tail);
            LogsVerb.print(inv, lines.subList(from, lines.size()), stamps, streams.get(i).prefix());
            printed[i] = lines.size();
        }
        if (follow) {
            follow(inv, streams, printed, stamps);
        }
        return 0;
    }

    /**
     * New lines of every stream as their containers write them, until all have exited; batch mode
     * has no Ctrl-C, so a quiet simulated minute ends it there, or ten minutes in all, as a bounded watch.
     */
    private static void follow(Invocation inv, List<Stream> streams, int[] printed, boolean stamps) {
        var runtime = inv.cluster().runtime();
        boolean wall = inv.pacer().followsWallClock();
        Instant end = inv.now().plus(LogsVerb.BATCH_FOLLOW_LIMIT);
        while (true) {
            Instant quiet = inv.now().plus(Duration.ofMinutes(1));
            Instant limit = wall ? Instant.MAX : quiet.isBefore(end) ? quiet : end;
            boolean[] allEnded = {false};
            boolean go = inv.runUntil(() -> {
                boolean ended = true;
                boolean fresh = false;
                for (int i = 0; i < streams.size(); i++) {
                    fresh |= runtime.logs(streams.get(i).id()).orElse(List.of()).size() > printed[i];
                    ended &= !LogsVerb.stillRunning(inv, streams.get(i).id());
                }
                allEnded[0] = ended;
                return fresh || ended;
            }, limit);
            for (int i = 0; i < streams.size(); i++) {
                List<LogLine> now = runtime.logs(streams.get(i).id()).orElse(List.of());
                if (now.size() > printed[i]) {
                    LogsVerb.print(inv, now.subList(printed[i], now.size()), stamps, streams.get(i).prefix());
                    printed[i] = now.size();
                }
            }
            if (!go || allEnded[0] || !inv.now().isBefore(limit)) {
                return;
            }
        }
    }
}
