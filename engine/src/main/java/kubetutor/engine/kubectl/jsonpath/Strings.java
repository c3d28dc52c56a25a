package kubetutor.engine.kubectl.jsonpath;

/** Go's string syntax, as client-go's parser uses it: rune names in errors and quoted literals. */
final class Strings {
    private Strings() {}

    /** Go's {@code %#U}: "U+0023 '#'", or just "U+0009" for a rune that does not print. */
    static String goRune(int codePoint) {
        String hex = String.format("U+%04X", codePoint);
        boolean printable = !Character.isISOControl(codePoint) && Character.isDefined(codePoint)
                && !Character.isWhitespace(codePoint) || codePoint == ' ';
        return printable ? hex + " '" + new String(Character.toChars(codePoint)) + "'" : hex;
    }

    /**
     * A literal in double or single quotes with Go's escapes (client-go accepts single quotes too).
     * Throws IllegalArgumentException for what Go's strconv calls invalid syntax.
     */
    static String unquote(String quoted) {
        char quote = quoted.charAt(0);
        String s = quoted.substring(1, quoted.length() - 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote) {
                throw new IllegalArgumentException();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= s.length()) {
                throw new IllegalArgumentException();
            }
            char e = s.charAt(i);
            switch (e) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '\\' -> out.append('\\');
                case '\'', '"' -> {
                    if (e != quote) {
                        throw new IllegalArgumentException();
                    }
                    out.append(e);
                }
                case 'x' -> i = hex(s, i, 2, out);
                case 'u' -> i = hex(s, i, 4, out);
                case 'U' -> i = hex(s, i, 8, out);
                default -> {
                    if (e < '0' || e > '7' || i + 2 >= s.length()) {
                        throw new IllegalArgumentException();
                    }
                    int v = Integer.parseInt(s.substring(i, i + 3), 8);
                    if (v > 255) {
                        throw new IllegalArgumentException();
                    }
                    out.append((char) v);
                    i += 2;
                }
            }
        }
        return out.toString();
    }

    private static int hex(String s, int at, int digits, StringBuilder out) {
        if (at + digits >= s.length()) {
            throw new IllegalArgumentException();
        }
        int v = Integer.parseUnsignedInt(s.substring(at + 1, at + 1 + digits), 16);
        out.appendCodePoint(v);
        return at + digits;
    }
}
