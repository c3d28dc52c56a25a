package kubetutor.engine.format;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * SnakeYAML and go-yaml both descend from libyaml, so they fail at the same places; only the
 * wording and the line number differ. go-yaml (yaml.go, parser.fail) reports a scanner error at
 * the 1-based line of the problem, but a parser error at the problem's 0-based line number, i.e.
 * the line before it (falling back to the context's line, and to no line at all when both are 0).
 */
final class GoYamlErrors {
    private static final String CANNOT_START = "found character that cannot start any token";

    private GoYamlErrors() {
    }

    private static boolean isTab(String document, Mark mark) {
        int index = mark.getIndex();
        return index < document.length() && document.charAt(index) == '\t';
    }

    private static boolean previousLineEndsInPlainScalar(String document, int line) {
        String[] lines = document.split("\n", -1);
        if (line < 1 || line > lines.length) {
            return false;
        }
        String previous = lines[line - 1].stripTrailing();
        if (previous.isBlank() || previous.contains(" #") || previous.trim().startsWith("#")) {
            return false;
        }
        char last = previous.charAt(previous.length() - 1);
        return ":-|>\"'[]{},".indexOf(last) < 0;
    }

    static String translate(MarkedYAMLException e, String document) {
        String problem = wording(e.getProblem() == null ? "" : e.getProblem(), e.getContext());
        Mark problemMark = e.getProblemMark();
        boolean scannerError = e instanceof ScannerException;
        if (scannerError && problem.equals(CANNOT_START) && problemMark != null
                && isTab(document, problemMark) && previousLineEndsInPlainScalar(document, problemMark.getLine())) {
            // go-yaml meets this tab while still reading the plain scalar that ended the line before.
            problem = "found a tab character that violates indentation";
        }
        Mark contextMark = e.getContextMark();
        int line = 0;
        if (problemMark != null && problemMark.getLine() != 0) {
            line = problemMark.getLine() + (scannerError ? 1 : 0);
        } else if (contextMark != null && contextMark.getLine() != 0) {
            line = contextMark.getLine();
        }
        return "yaml: " + (line != 0 ? "line " + line + ": " : "") + problem;
    }

    /** go-yaml's sentence for SnakeYAML's. */
    static String wording(String problem, String context) {
        String ctx = context == null ? "" : context;
        if (problem.startsWith("mapping values are not allowed")) {
            return "mapping values are not allowed in this context";
        }
        if (problem.startsWith("found character") && problem.contains("that cannot start any token")) {
            return CANNOT_START;
        }
        if (problem.startsWith("expected <block end>")) {
            if (ctx.contains("block mapping")) {
                return "did not find expected key";
            }
            if (ctx.contains("block collection") || ctx.contains("block sequence")) {
                return "did not find expected '-' indicator";
            }
        }
        if (problem.startsWith("expected ',' or '}'")) {
            return "did not find expected ',' or '}'";
        }
        if (problem.startsWith("expected ',' or ']'")) {
            return "did not find expected ',' or ']'";
        }
        if (problem.startsWith("expected the node content")) {
            return "did not find expected node content";
        }
        if (problem.startsWith("expected alphabetic or numeric character")) {
            return "did not find expected alphabetic or numeric character";
        }
        if (problem.startsWith("found unknown escape character")) {
            return "found unknown escape character";
        }
        return problem;
    }
}
