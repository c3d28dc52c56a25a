package kubetutor.shell;

/**
 * A presenter's step heading: a box the width of the terminal around the title, bold, with blank
 * rows above and below it, so that the back of a classroom can read it off a projector (figlet's
 * letters would not fit a Korean title, and need a font).
 */
final class Heading {
    private static final int NO_TERMINAL = 80;

    private Heading() {}

    static String boxed(String title, int columns, boolean color) {
        // One column short of the terminal: a line that fills the last column makes some terminals wrap early.
        int width = Math.max(columns > 0 ? columns - 1 : NO_TERMINAL, columns(title) + 6);
        int inner = width - 2;
        String blank = "┃" + " ".repeat(inner) + "┃";
        int left = (inner - columns(title)) / 2;
        int right = inner - left - columns(title);
        String middle = "┃" + " ".repeat(left) + title
                + " ".repeat(right) + "┃";
        String box = "┏" + "━".repeat(inner) + "┓\n" + blank + "\n" + middle + "\n" + blank + "\n┗" + "━".repeat(inner) + "┛";
        StringBuilder out = new StringBuilder("\n");
        for (String line : box.split("\n")) {
            out.append(color ? Ansi.BOLD + Ansi.CYAN + line + Ansi.RESET : line).append('\n');
        }
        return out.toString();
    }

    /**
     * The columns a terminal gives the text: two for East Asian wide characters (a Korean title's
     * syllables), one for the rest. kubectl's tabwriter counts runes instead, so tables keep theirs.
     */
    static int columns(String text) {
        return text.codePoints().map(c -> wide(c) ? 2 : 1).sum();
    }

    private static boolean wide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6);
    }
}
