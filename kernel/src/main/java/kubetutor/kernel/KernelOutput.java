package kubetutor.kernel;

import java.util.List;
import java.util.Map;

/** What a cell hands the notebook, in order: stream text, rich displays, and at most one final error. */
sealed interface KernelOutput {

    /** Text on the cell's stdout or stderr stream. */
    record Stream(String name, String text) implements KernelOutput {
        static Stream stdout(String text) {
            return new Stream("stdout", text);
        }

        static Stream stderr(String text) {
            return new Stream("stderr", text);
        }
    }

    /**
     * A rich output: text/plain, text/html and perhaps application/json (a parsed JSON value, which
     * the protocol sends as JSON rather than as a string). {@code update} replaces the display with
     * the same id in place.
     */
    record Display(String displayId, Map<String, Object> data, boolean update) implements KernelOutput {
        /** One of the text forms (text/plain, text/html), or null. */
        String text(String mime) {
            return data.get(mime) instanceof String s ? s : null;
        }
    }

    /** The cell failed: a Jupyter error, with kubectl's own text and no Java stack trace. */
    record Failure(String ename, String evalue, List<String> traceback) implements KernelOutput {
        static Failure of(String ename, String text) {
            String value = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            return new Failure(ename, value, List.of(value.split("\n", -1)));
        }
    }
}
