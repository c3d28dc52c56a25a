package kubetutor.engine.kubectl;

import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.command.ParsedArgs;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.workspace.TextEditor;
import kubetutor.engine.workspace.Workspace;

import java.time.Instant;

/**
 * Everything a kubectl verb needs for one run: its parsed arguments, the cluster, the kubeconfig,
 * standard input, where output goes, how to let time pass, the files -f may name, the
 * learner's editor (kubectl edit), and whether standard input is a terminal (what -t needs).
 */
public record Invocation(ParsedArgs args, Cluster cluster, KubeConfig kubeconfig, String stdin, Sink sink,
                         Pacer pacer, Workspace workspace, String commandPath, TextEditor editor,
                         boolean stdinIsTerminal) {

    public String namespace() {
        String n = args.get("namespace");
        return n != null && !n.isEmpty() ? n : kubeconfig.namespace();
    }

    public boolean namespaceGiven() {
        return args.has("namespace");
    }

    public Instant now() {
        return cluster.sim().now();
    }

    public void out(String line) {
        sink.emit(Output.Text.message(line));
    }

    /** A warning on standard error that is not a failure (kubectl goes on, and so does a notebook cell). */
    public void warn(String line) {
        sink.emit(Output.Error.info(line));
    }

    /**
     * kubectl's check before it attaches with -t: without a terminal on standard input it warns and
     * goes on without a tty. Returns whether a tty is used.
     */
    public boolean useTty(boolean stdin, boolean tty) {
        if (stdin && tty && !stdinIsTerminal) {
            warn("Unable to use a TTY - input is not a terminal or the right kind of file");
            return false;
        }
        return stdin && tty;
    }

    public void err(String line) {
        sink.emit(Output.Error.of(line));
    }

    /** Whether the command runs in the background (a trailing &): what it starts outlives it. */
    public boolean background() {
        return pacer == Pacer.BACKGROUND;
    }

    /**
     * Lets simulated time run until {@code done} holds or {@code limit} passes, stepping from event
     * to event as the front end's pacer allows. Returns false when the user cancelled.
     */
    public boolean runUntil(java.util.function.BooleanSupplier done, Instant limit) {
        return pacer.runUntil(cluster.sim(), done, limit);
    }
}
