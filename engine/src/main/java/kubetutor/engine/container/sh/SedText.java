package kubetutor.engine.container.sh;

/** The arguments of sed's a, i, c (their text) and y (its two strings), read as GNU sed reads them. */
final class SedText {
    private SedText() {}

    /**
     * The text of a, i or c: "a\" and the lines after it, or GNU's one-line "a text" (its leading
     * blanks dropped; kept after "a\"); a backslash keeps the next character, a newline included.
     * @param where the message prefix naming the expression and the place, for a missing text
     */
    static String text(String text, int[] pos, String where) throws Sed.Bad {
        Sed.skip(text, pos, " \t");
        if (pos[0] >= text.length()) {
            throw new Sed.Bad(where + "expected \\ after `a', `c' or `i'");
        }
        if (text.charAt(pos[0]) == '\\') {
            pos[0]++;
            if (pos[0] < text.length() && text.charAt(pos[0]) == '\n') {
                pos[0]++;
            }
        }
        StringBuilder sb = new StringBuilder();
        while (pos[0] < text.length() && text.charAt(pos[0]) != '\n') {
            char ch = text.charAt(pos[0]++);
            if (ch == '\\' && pos[0] < text.length()) {
                ch = text.charAt(pos[0]++);
            }
            sb.append(ch);
        }
        return sb.toString();
    }

    /** y/FROM/TO/: the two strings, escapes read, of the same length or refused. */
    static String[] transliteration(String text, int[] pos, int expression) throws Sed.Bad {
        if (pos[0] >= text.length()) {
            throw new Sed.Bad(Sed.where(expression, pos[0]) + "unterminated `y' command");
        }
        char delim = text.charAt(pos[0]++);
        String from = unescape(Sed.delimited(text, pos, delim, expression, "unterminated `y' command"));
        String to = unescape(Sed.delimited(text, pos, delim, expression, "unterminated `y' command"));
        if (from.length() != to.length()) {
            throw new Sed.Bad(Sed.where(expression, pos[0]) + "strings for `y' command are different lengths");
        }
        return new String[] {from, to};
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
