package kubetutor.engine.format;

/** What go-yaml v2's emitter learns about a string before choosing its style (yaml_emitter_analyze_scalar). */
final class Analysis {
    boolean multiline;
    boolean blockPlainAllowed = true;
    boolean singleQuotedAllowed = true;
    boolean blockAllowed = true;

    private Analysis() {
    }

    static Analysis of(int[] v) {
        Analysis a = new Analysis();
        if (v.length == 0) {
            a.blockAllowed = false;
            return a;
        }
        boolean indicators = startsWith(v, "---") || startsWith(v, "...");
        boolean lineBreaks = false;
        boolean special = false;
        boolean tabs = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        boolean precededByWhitespace = true;
        boolean previousSpace = false;
        boolean previousBreak = false;
        for (int i = 0; i < v.length; i++) {
            int c = v[i];
            boolean followedByWhitespace = i + 1 >= v.length || isBlank(v[i + 1]);
            if (i == 0) {
                if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) {
                    indicators = true;
                } else if ((c == '?' || c == ':' || c == '-') && followedByWhitespace) {
                    indicators = true;
                }
            } else if (c == ':' && followedByWhitespace) {
                indicators = true;
            } else if (c == '#' && precededByWhitespace) {
                indicators = true;
            }
            if (c == '\t') {
                tabs = true;
            } else if (!isPrintable(c)) {
                special = true;
            }
            if (c == ' ') {
                leadingSpace |= i == 0;
                trailingSpace |= i == v.length - 1;
                breakSpace |= previousBreak;
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(c)) {
                lineBreaks = true;
                leadingBreak |= i == 0;
                trailingBreak |= i == v.length - 1;
                spaceBreak |= previousSpace;
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = isBlank(c) || isBreak(c) || c == 0;
        }
        a.multiline = lineBreaks;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks || indicators) {
            a.blockPlainAllowed = false;
        }
        if (trailingSpace) {
            a.blockAllowed = false;
        }
        if (breakSpace) {
            a.blockPlainAllowed = false;
            a.singleQuotedAllowed = false;
        }
        if (spaceBreak || tabs || special) {
            a.blockPlainAllowed = false;
            a.singleQuotedAllowed = false;
        }
        if (spaceBreak || special) {
            a.blockAllowed = false;
        }
        return a;
    }

    private static boolean startsWith(int[] v, String prefix) {
        if (v.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (v[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean isBlank(int c) {
        return c == ' ' || c == '\t';
    }

    static boolean isBreak(int c) {
        return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    /** go-yaml's is_printable: no C0/C1 controls but LF, no surrogates, no BOM, nothing above the BMP. */
    static boolean isPrintable(int c) {
        return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
    }
}
