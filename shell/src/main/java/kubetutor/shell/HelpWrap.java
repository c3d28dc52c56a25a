package kubetutor.shell;

/**
 * kubectl's help pages as kubectl 1.32 prints them on a terminal: wrapped to a width picked from the
 * terminal's. Piped, kubectl never wraps; neither does the engine, which hands over the piped text.
 *
 * <p>kubectl picks the limit by steps, not the exact width: 120 columns from a 120-wide terminal up,
 * 100 from 100, 80 from 80, and below 80 it does not wrap at all. It then wraps twice:
 * <ol>
 *   <li>each flag's description (the line under {@code --name=default:}, which starts with a tab) to
 *       the limit less 10, every piece of it again starting with a tab;</li>
 *   <li>the whole page to the limit, at spaces only, a tab counting as one column. A word longer
 *       than a line stays whole, and the spaces where a line breaks are dropped, so a wrapped
 *       indented line continues at column 0.</li>
 * </ol>
 * Measured against the real kubectl at 60, 79, 80, 85, 99, 100, 105, 119, 120, 130 and 200 columns.
 */
final class HelpWrap {
    /** kubectl wraps a flag's description this much narrower than the page. */
    private static final int FLAG_INDENT = 10;

    private HelpWrap() {}

    /** The width kubectl wraps to on a terminal this wide; 0 for no wrapping. */
    static int limit(int terminalWidth) {
        if (terminalWidth >= 120) {
            return 120;
        }
        if (terminalWidth >= 100) {
            return 100;
        }
        return terminalWidth >= 80 ? 80 : 0;
    }

    /** The help page {@code text} (as kubectl prints it piped) as it shows on a terminal {@code terminalWidth} wide. */
    static String wrap(String text, int terminalWidth) {
        int limit = limit(terminalWidth);
        if (limit == 0) {
            return text;
        }
        return words(flagDescriptions(text, limit - FLAG_INDENT), limit);
    }

    /** Wraps each flag description line (a tab, then the text) so its pieces each start with a tab. */
    private static String flagDescriptions(String text, int limit) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0 && line.startsWith("\t") && isFlagLine(lines[i - 1])) {
                line = "\t" + words(line.substring(1), limit).replace("\n", "\n\t");
            }
            out.append(line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** pflag's first line of a flag: {@code "    -o, --output='':"} or {@code "    --all=false:"}. */
    private static boolean isFlagLine(String line) {
        return line.startsWith("    -") && line.endsWith(":") && line.contains("=");
    }

    /**
     * Greedy word wrap at {@code limit} columns (one per code point). Whitespace runs are held back
     * until the next word shows whether the line breaks before it: if it does, the run is dropped.
     * Spaces that end a line stay when they fit. A word is never split; once a word alone is longer
     * than the limit it gets a line to itself and runs past the limit.
     */
    static String words(String s, int limit) {
        StringBuilder out = new StringBuilder(s.length() + 32);
        StringBuilder space = new StringBuilder();
        StringBuilder word = new StringBuilder();
        int spaceLen = 0;
        int wordLen = 0;
        int column = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                if (wordLen > 0 || column + spaceLen <= limit) {
                    out.append(space);
                }
                out.append(word).append('\n');
                space.setLength(0);
                word.setLength(0);
                spaceLen = 0;
                wordLen = 0;
                column = 0;
            } else if (isSpace(c)) {
                // A space after a word settles that word on the current line with the spaces before it.
                if (spaceLen == 0 || wordLen > 0) {
                    column += spaceLen + wordLen;
                    out.append(space).append(word);
                    space.setLength(0);
                    word.setLength(0);
                    spaceLen = 0;
                    wordLen = 0;
                }
                space.appendCodePoint(c);
                spaceLen++;
            } else {
                word.appendCodePoint(c);
                wordLen++;
                if (column + spaceLen + wordLen > limit && wordLen < limit) {
                    out.append('\n');
                    column = 0;
                    space.setLength(0);
                    spaceLen = 0;
                }
            }
        }
        if (wordLen > 0 || column + spaceLen <= limit) {
            out.append(space);
        }
        return out.append(word).toString();
    }

    /** Go's unicode.IsSpace, less the no-break spaces a word wrap must not break at. */
    private static boolean isSpace(int c) {
        if (c == 0x00A0 || c == 0x2007 || c == 0x202F) {
            return false;
        }
        return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || Character.isSpaceChar(c);
    }
}
