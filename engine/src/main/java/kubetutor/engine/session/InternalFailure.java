package kubetutor.engine.session;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What a learner reads when kubetutor itself fails on a command, in the shell, batch mode or the
 * kernel: one line saying what happened in their terms, never a Java class name or stack trace
 * (those are for {@code --debug}). Each front end catches at its own boundary with {@link #caught}.
 */
public final class InternalFailure {
    /** Set by the launcher's {@code --debug}: failures then show their stack trace too. */
    public static final String DEBUG_PROPERTY = "kubetutor.debug";

    private InternalFailure() {}

    /**
     * Whether a boundary may catch {@code t} and go on: exceptions, a stack too deep and a heap too
     * small for one command's work. Other errors (a broken JVM) are not the learner's input.
     */
    public static boolean caught(Throwable t) {
        return t instanceof RuntimeException || t instanceof StackOverflowError || t instanceof OutOfMemoryError;
    }

    /** The one line for {@code t}, without a final newline. */
    public static String describe(Throwable t, String what) {
        if (t instanceof StackOverflowError) {
            return "error: " + what + " nests too deeply for kubetutor to follow";
        }
        if (t instanceof OutOfMemoryError) {
            return "error: " + what + " needs more memory than kubetutor has";
        }
        return "error: kubetutor failed on " + what + " (a bug in the simulator, not in what you typed)";
    }

    /** The stack trace when {@code --debug} asked for it, else the empty string. */
    public static String debugText(Throwable t) {
        if (!Boolean.getBoolean(DEBUG_PROPERTY)) {
            return "";
        }
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
