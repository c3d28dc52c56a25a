package kubetutor.engine.output;

/**
 * What a command hands a front end: structured, never pre-coloured. {@link PlainText} renders each
 * one byte for byte as kubectl prints it; the shell adds colour, the kernel adds HTML.
 */
public sealed interface Output permits Output.TableOutput, Output.Text, Output.Error,
        Output.TimelineOutput, Output.ClusterMapOutput {

    /** A table as {@code kubectl get} prints it (one header block, or header-less rows of a watch). */
    record TableOutput(Table table) implements Output {}

    /** A rollout timeline (the {@code timeline} command): a picture, drawn by each front end. */
    record TimelineOutput(Timeline timeline) implements Output {}

    /**
     * A map of the nodes and their pods (the {@code cluster} command): a picture, drawn by each front end.
     *
     * @param redraw for a watch's later maps, the simulated time since the watch began: the map
     *               replaces the one before it where the front end can redraw in place; null otherwise
     */
    record ClusterMapOutput(ClusterMap map, java.time.Duration redraw) implements Output {}

    /** Text for standard output: a message, YAML, JSON, describe. Ends with a newline when kubectl's does. */
    record Text(String text, TextKind kind) implements Output {
        public static Text message(String line) {
            return new Text(line.endsWith("\n") ? line : line + "\n", TextKind.MESSAGE);
        }
    }

    /** Text for standard error, as kubectl prints it there (errors, warnings, "No resources found"). */
    record Error(String text, boolean isError) implements Output {
        public static Error of(String line) {
            return new Error(line.endsWith("\n") ? line : line + "\n", true);
        }

        /** Standard error text that is information, not a failure ("No resources found in default namespace."). */
        public static Error info(String line) {
            return new Error(line.endsWith("\n") ? line : line + "\n", false);
        }
    }

    /**
     * HELP: kubectl's help pages, which a terminal front end wraps at its width as kubectl does.
     * LESSON: what the lesson runtime says, and LESSON_TITLE its one-line headings; front ends set
     * them apart from what kubectl prints.
     */
    enum TextKind { MESSAGE, YAML, JSON, DESCRIBE, LOG, HELP, LESSON, LESSON_TITLE }
}
