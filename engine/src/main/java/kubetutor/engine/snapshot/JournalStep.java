package kubetutor.engine.snapshot;

import kubetutor.engine.workspace.Entry;
import kubetutor.engine.workspace.TextEditor;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One thing that moved a session's state: what a snapshot's journal is made of. */
public sealed interface JournalStep {

    /**
     * A command typed at the session's prompt (here-document included).
     *
     * @param files what the command read from the workspace, by the name it used
     * @param edits what the learner's editor gave back each time the command opened it (kubectl edit), in order
     * @param meanwhile what serve did while the command ran, in order
     */
    record Run(String command, Map<String, Entry> files, Pacing pacing, List<TextEditor.Outcome> edits, List<Meanwhile> meanwhile)
            implements JournalStep {
        public Run {
            files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
            edits = List.copyOf(edits);
            meanwhile = List.copyOf(meanwhile);
        }

        /** A command that nothing else happened during. */
        public Run(String command, Map<String, Entry> files, Pacing pacing, List<TextEditor.Outcome> edits) {
            this(command, files, pacing, edits, List.of());
        }

        /** A command that opened no editor. */
        public Run(String command, Map<String, Entry> files, Pacing pacing) {
            this(command, files, pacing, List.of());
        }
    }

    /**
     * What {@code serve} did while a command ran at the prompt (the shell lets requests and streams
     * in while its command waits on the wall clock), at the simulated instant it happened: a replay
     * of the command does it there, between the same events.
     *
     * @param step a request, or a step of an exec stream or a port-forward
     */
    record Meanwhile(Instant at, JournalStep step) {}

    /**
     * A background job's command ({@code CMD &} in the interactive shell), journaled where it
     * started, since it runs alongside what comes after it: a replay runs it the same way, each of
     * its steps when the clock gets there. What it read and where it was stopped are filled in as
     * it goes; one still running when the snapshot was taken is stopped where the replay ends.
     */
    record Background(Run run) implements JournalStep {}

    /** Text typed into a container shell the learner was attached to ({@code kubectl exec -it}). */
    record Type(String text, Pacing pacing) implements JournalStep {}

    /**
     * A request to the cluster's REST API that may have changed it ({@code serve}: real kubectl or a
     * client library in another terminal). Replaying it is an API call, never a workspace command.
     */
    record Request(String method, String path, Map<String, List<String>> query, String contentType, String body)
            implements JournalStep {
        public Request {
            query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        }
    }

    /**
     * A stream into a container opened over {@code serve} (pods/exec from real kubectl or a client
     * library): numbered in the session, so the steps that feed and end it name it.
     *
     * @param query the request's query as it came (command, container, stdin, tty)
     */
    record ExecOpen(int stream, String path, Map<String, List<String>> query) implements JournalStep {
        public ExecOpen {
            query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        }
    }

    /** Bytes the client sent on an exec stream's standard input, at the simulated time they arrived. */
    record ExecInput(int stream, String text) implements JournalStep {}

    /**
     * An exec stream's input ended: the client closed standard input ({@code hangUp} false: a shell
     * reading a script then runs it), or went away (true: what still runs is stopped).
     */
    record ExecEnd(int stream, boolean hangUp) implements JournalStep {}

    /**
     * An HTTP request that kubectl port-forward carried into a pod, answered from inside it (the
     * container logs it as it would a request from its own network namespace).
     */
    record Forward(String podIp, int port, String path, String userAgent) implements JournalStep {}

    /** The clock moved from outside, between commands (the realtime clock of the shell or the kernel), to {@code until}. */
    record Clock(Instant until) implements JournalStep {}

    /**
     * How the front end let time pass during a command, as far as it changed what happened.
     *
     * @param wallClock whether the pacer followed the wall clock (a watch then runs until stopped)
     * @param stops     the simulated instants at which the user stopped it (Ctrl-C, a kernel interrupt), in order
     */
    record Pacing(boolean wallClock, List<Instant> stops) {
        public static final Pacing IMMEDIATE = new Pacing(false, List.of());

        public Pacing {
            stops = List.copyOf(stops);
        }
    }
}
