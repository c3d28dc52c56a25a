package kubetutor.engine.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The journal steps of {@code serve}'s streams in a snapshot file (version 3): an exec stream
 * opened, fed and ended, and a request carried by port-forward.
 * <pre>
 * - exec: {stream: 1, path: /api/v1/namespaces/default/pods/box/exec, query: {command: [sh], stdin: ["true"], tty: ["true"]}}
 * - input: {stream: 1, text: "touch /tmp/x\r"}
 * - end: {stream: 1, hangUp: false}
 * - forward: {podIp: 10.244.1.2, port: 80, path: /, userAgent: curl/8.5.0}
 * </pre>
 */
final class StreamSteps {
    private StreamSteps() {}

    /** Writes {@code step} into {@code o} when it is one of serve's streams. */
    static void write(JournalStep step, ObjectNode o) {
        if (step instanceof JournalStep.ExecOpen e) {
            ObjectNode exec = o.putObject("exec");
            exec.put("stream", e.stream());
            exec.put("path", e.path());
            ObjectNode query = exec.putObject("query");
            e.query().forEach((k, values) -> values.forEach(query.withArray(k)::add));
        } else if (step instanceof JournalStep.ExecInput i) {
            o.putObject("input").put("stream", i.stream()).put("text", i.text());
        } else if (step instanceof JournalStep.ExecEnd e) {
            o.putObject("end").put("stream", e.stream()).put("hangUp", e.hangUp());
        } else if (step instanceof JournalStep.Forward f) {
            o.putObject("forward").put("podIp", f.podIp()).put("port", f.port()).put("path", f.path())
                    .put("userAgent", f.userAgent());
        }
    }

    /** The steps of serve's streams (version 3), or null when {@code s} is none of them. */
    static JournalStep read(JsonNode s, String where) throws SnapshotFormat.Damaged {
        if (s.path("exec").isObject()) {
            JsonNode e = s.get("exec");
            if (!e.path("path").isTextual()) {
                throw new SnapshotFormat.Damaged(where + "'s exec has no path");
            }
            return new JournalStep.ExecOpen(stream(e, where), e.get("path").asText(), SnapshotFormat.query(e));
        }
        if (s.path("input").isObject()) {
            JsonNode i = s.get("input");
            if (!i.path("text").isTextual()) {
                throw new SnapshotFormat.Damaged(where + "'s input has no text");
            }
            return new JournalStep.ExecInput(stream(i, where), i.get("text").asText());
        }
        if (s.path("end").isObject()) {
            return new JournalStep.ExecEnd(stream(s.get("end"), where), s.get("end").path("hangUp").asBoolean(false));
        }
        if (s.path("forward").isObject()) {
            JsonNode f = s.get("forward");
            long port = SnapshotFormat.number(f.path("port"), where + "'s port");
            if (port < 1 || port > 65535 || !f.path("podIp").isTextual() || !f.path("path").isTextual()) {
                throw new SnapshotFormat.Damaged(where + "'s forward has no pod IP, port or path");
            }
            return new JournalStep.Forward(f.get("podIp").asText(), (int) port, f.get("path").asText(), f.path("userAgent").asText(""));
        }
        return null;
    }

    private static int stream(JsonNode n, String where) throws SnapshotFormat.Damaged {
        long stream = SnapshotFormat.number(n.path("stream"), where + "'s stream");
        if (stream < 1 || stream > Integer.MAX_VALUE) {
            throw new SnapshotFormat.Damaged(where + "'s stream is not a positive number");
        }
        return (int) stream;
    }
}
