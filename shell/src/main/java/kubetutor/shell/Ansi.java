package kubetutor.shell;

import kubetutor.engine.output.Style;

/** The few ANSI SGR sequences the shell uses, and which one each engine {@link Style} gets. */
final class Ansi {
    static final String RESET = "\u001b[0m";
    static final String BOLD = "\u001b[1m";
    static final String DIM = "\u001b[2m";
    static final String RED = "\u001b[31m";
    static final String GREEN = "\u001b[32m";
    static final String YELLOW = "\u001b[33m";
    static final String CYAN = "\u001b[36m";
    /** Erases from the cursor to the end of the line. */
    static final String CLEAR_LINE = "\u001b[K";

    private Ansi() {}

    /** The sequence that starts a cell of this style, or "" for none. */
    static String of(Style style) {
        return switch (style) {
            case PLAIN -> "";
            case OK -> GREEN;
            case PROGRESS -> YELLOW;
            case ERROR -> RED;
            case DIM -> DIM;
            case HEADER -> BOLD;
        };
    }

    static String wrap(String sgr, String text) {
        return sgr.isEmpty() || text.isEmpty() ? text : sgr + text + RESET;
    }

    /** Styles each line on its own, so a line never starts inside another's colour; empty lines stay empty. */
    static String eachLine(String text, java.util.function.UnaryOperator<String> style) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                out.append(style.apply(lines[i]));
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** Text without its SGR sequences (tests compare a coloured rendering with the plain one). */
    static String strip(String text) {
        return text.replaceAll("\u001b\\[[0-9;]*[mK]", "");
    }
}
