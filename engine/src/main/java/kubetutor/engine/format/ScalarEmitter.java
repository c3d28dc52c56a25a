package kubetutor.engine.format;

/**
 * Writes one string the way go-yaml v2's emitter does: it picks plain, single-quoted,
 * double-quoted or literal style from what the string contains, then folds long lines at the
 * emitter's best width (80) on single spaces.
 */
final class ScalarEmitter {
    static final int BEST_WIDTH = 80;

    private enum Style { PLAIN, SINGLE, DOUBLE, LITERAL }

    private ScalarEmitter() {
    }

    static void key(YamlWriter w, String s) {
        write(w, s, 0, true);
    }

    static void value(YamlWriter w, String s, int indent) {
        write(w, s, indent, false);
    }

    private static void write(YamlWriter w, String s, int indent, boolean simpleKey) {
        int[] cps = s.codePoints().toArray();
        Analysis a = Analysis.of(cps);
        Style style = select(s, a, simpleKey);
        boolean allowBreaks = !simpleKey;
        switch (style) {
            case PLAIN -> plain(w, cps, indent, allowBreaks);
            case SINGLE -> single(w, cps, indent, allowBreaks);
            case DOUBLE -> DoubleQuoted.write(w, cps, indent, allowBreaks);
            case LITERAL -> literal(w, cps, indent);
        }
    }

    private static Style select(String s, Analysis a, boolean simpleKey) {
        // The encoder's request (encode.go stringv) ...
        Style style = GoYamlScalars.needsQuotes(s) ? Style.DOUBLE : s.contains("\n") ? Style.LITERAL : Style.PLAIN;
        // ... then the emitter's veto (yaml_emitter_select_scalar_style).
        if (simpleKey && a.multiline) {
            style = Style.DOUBLE;
        }
        if (style == Style.PLAIN && (!a.blockPlainAllowed || (s.isEmpty() && simpleKey))) {
            style = Style.SINGLE;
        }
        if (style == Style.SINGLE && !a.singleQuotedAllowed) {
            style = Style.DOUBLE;
        }
        if (style == Style.LITERAL && (!a.blockAllowed || simpleKey)) {
            style = Style.DOUBLE;
        }
        return style;
    }

    private static void plain(YamlWriter w, int[] cps, int indent, boolean allowBreaks) {
        if (cps.length > 0 && !w.atWhitespace()) {
            w.emit(" ");
        }
        boolean spaces = false;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c == ' ') {
                boolean nextIsSpace = i + 1 < cps.length && cps[i + 1] == ' ';
                if (allowBreaks && !spaces && w.column() > BEST_WIDTH && !nextIsSpace) {
                    w.breakAndIndent(indent);
                } else {
                    w.emitCodePoint(c);
                }
                spaces = true;
            } else {
                w.emitCodePoint(c);
                spaces = false;
            }
        }
    }

    private static void single(YamlWriter w, int[] cps, int indent, boolean allowBreaks) {
        w.emitAfterSpace("'");
        boolean spaces = false;
        boolean breaks = false;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c == ' ') {
                boolean nextIsSpace = i + 1 < cps.length && cps[i + 1] == ' ';
                if (allowBreaks && !spaces && w.column() > BEST_WIDTH && i > 0 && i < cps.length - 1 && !nextIsSpace) {
                    w.breakAndIndent(indent);
                } else {
                    w.emitCodePoint(c);
                }
                spaces = true;
            } else if (Analysis.isBreak(c)) {
                // Only U+2028/U+2029 get here (other breaks force double quotes); go-yaml copies them
                // and then indents the rest as a new line.
                w.emitLineSeparator(c);
                spaces = false;
                breaks = true;
            } else {
                if (breaks) {
                    w.indentTo(indent);
                    breaks = false;
                }
                if (c == '\'') {
                    w.emitCodePoint('\'');
                }
                w.emitCodePoint(c);
                spaces = false;
            }
        }
        w.emit("'");
    }

    private static void literal(YamlWriter w, int[] cps, int indent) {
        StringBuilder header = new StringBuilder("|");
        if (cps[0] == ' ' || Analysis.isBreak(cps[0])) {
            // The content's own leading space would be taken for indentation: state it.
            header.append(YamlWriter.INDENT);
        }
        int last = cps.length - 1;
        if (!Analysis.isBreak(cps[last])) {
            header.append('-');
        } else if (last == 0 || Analysis.isBreak(cps[last - 1])) {
            header.append('+');
        }
        w.emitAfterSpace(header.toString());
        w.newline();
        boolean breaks = true;
        for (int c : cps) {
            if (c == '\n') {
                w.newline();
                breaks = true;
            } else if (Analysis.isBreak(c)) {
                w.emitLineSeparator(c);
                breaks = true;
            } else {
                if (breaks) {
                    w.indentTo(indent);
                }
                w.emitCodePoint(c);
                breaks = false;
            }
        }
    }
}
