package kubetutor.shell;

import kubetutor.engine.output.Tabwriter;

/**
 * A presenter's step heading: a box the width of the terminal around the title, bold, with blank
 * rows above and below it, so that the back of a classroom can read it off a projector (figlet's
 * letters would not fit a Korean title, and need a font).
 */
final class Heading {
    private static final int NO_TERMINAL = 80;

    private Heading() {}

    static String boxed(String title, int columns, boolean color) {
        int width = Math.max(columns > 0 ? columns : NO_TERMINAL, Tabwriter.displayWidth(title) + 6);
        int inner = width - 2;
        String blank = "┃" + " ".repeat(inner) + "┃";
        int left = (inner - Tabwriter.displayWidth(title)) / 2;
        int right = inner - left - Tabwriter.displayWidth(title);
        String middle = "┃" + " ".repeat(left) + title
                + " ".repeat(right) + "┃";
        String box = "┏" + "━".repeat(inner) + "┓\n" + blank + "\n" + middle + "\n" + blank + "\n┗" + "━".repeat(inner) + "┛";
        StringBuilder out = new StringBuilder("\n");
        for (String line : box.split("\n")) {
            out.append(color ? Ansi.BOLD + Ansi.CYAN + line + Ansi.RESET : line).append('\n');
        }
        return out.toString();
    }
}
