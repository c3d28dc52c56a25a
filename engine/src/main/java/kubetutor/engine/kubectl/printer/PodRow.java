package kubetutor.engine.kubectl.printer;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;

import java.time.Instant;

/** The cells of a pod's row, computed as the API server's table printer (printPod) does. */
public final class PodRow {
    private PodRow() {}

    public record Summary(String ready, String status, String restarts) {}

    public static Summary summarize(JsonNode pod, Instant now) {
        JsonNode status = pod.path("status");
        String reason = status.path("phase").asText("");
        if (!status.path("reason").asText("").isEmpty()) {
            reason = status.path("reason").asText();
        }
        int total = pod.path("spec").path("containers").size();
        int ready = 0;
        int restarts = 0;
        Instant lastRestart = null;
        boolean initializing = false;
        JsonNode inits = status.path("initContainerStatuses");
        for (int i = 0; i < inits.size(); i++) {
            JsonNode c = inits.get(i);
            restarts += c.path("restartCount").asInt();
            lastRestart = later(lastRestart, c.path("lastState").path("terminated").path("finishedAt"));
            JsonNode term = c.path("state").path("terminated");
            if (!term.isMissingNode() && term.path("exitCode").asInt() == 0) {
                continue;
            }
            if (!term.isMissingNode()) {
                String r = term.path("reason").asText("");
                reason = r.isEmpty() ? (term.path("signal").asInt() != 0 ? "Init:Signal:" + term.path("signal").asInt()
                        : "Init:ExitCode:" + term.path("exitCode").asInt()) : "Init:" + r;
            } else {
                String w = c.path("state").path("waiting").path("reason").asText("");
                reason = !w.isEmpty() && !w.equals("PodInitializing") ? "Init:" + w : "Init:" + i + "/" + inits.size();
            }
            initializing = true;
            break;
        }
        if (!initializing) {
            boolean hasRunning = false;
            JsonNode cs = status.path("containerStatuses");
            for (int i = cs.size() - 1; i >= 0; i--) {
                JsonNode c = cs.get(i);
                restarts += c.path("restartCount").asInt();
                lastRestart = later(lastRestart, c.path("lastState").path("terminated").path("finishedAt"));
                JsonNode waiting = c.path("state").path("waiting");
                JsonNode term = c.path("state").path("terminated");
                if (!waiting.path("reason").asText("").isEmpty()) {
                    reason = waiting.path("reason").asText();
                } else if (!term.isMissingNode() && !term.path("reason").asText("").isEmpty()) {
                    reason = term.path("reason").asText();
                } else if (!term.isMissingNode()) {
                    reason = term.path("signal").asInt() != 0 ? "Signal:" + term.path("signal").asInt()
                            : "ExitCode:" + term.path("exitCode").asInt();
                } else if (c.path("ready").asBoolean() && c.path("state").has("running")) {
                    hasRunning = true;
                    ready++;
                }
            }
            if (reason.equals("Completed") && hasRunning) {
                reason = podReady(pod) ? "Running" : "NotReady";
            }
        }
        if (Meta.isTerminating(pod)) {
            if (status.path("reason").asText("").equals("NodeLost")) {
                reason = "Unknown";
            } else if (!reason.equals("Succeeded") && !reason.equals("Failed")) {
                reason = "Terminating";
            }
        }
        String restartCell = Integer.toString(restarts);
        if (restarts != 0 && lastRestart != null) {
            restartCell = restarts + " (" + Age.since(lastRestart, now) + " ago)";
        }
        return new Summary(ready + "/" + total, reason, restartCell);
    }

    private static boolean podReady(JsonNode pod) {
        for (JsonNode c : pod.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")) {
                return c.path("status").asText().equals("True");
            }
        }
        return false;
    }

    private static Instant later(Instant current, JsonNode finishedAt) {
        Instant t = Meta.parseTime(finishedAt);
        if (t == null) {
            return current;
        }
        return current == null || t.isAfter(current) ? t : current;
    }
}
