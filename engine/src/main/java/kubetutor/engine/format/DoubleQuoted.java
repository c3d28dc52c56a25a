package kubetutor.engine.format;

/** go-yaml v2's double-quoted style: YAML escapes for what is not printable, folding at the best width. */
final class DoubleQuoted {
    private DoubleQuoted() {
    }

    static void write(YamlWriter w, int[] v, int indent, boolean allowBreaks) {
        w.emitAfterSpace("\"");
        boolean spaces = false;
        for (int i = 0; i < v.length; i++) {
            int c = v[i];
            if (!Analysis.isPrintable(c) || c == 0xFEFF || Analysis.isBreak(c) || c == '"' || c == '\\') {
                w.emit(escape(c));
                spaces = false;
            } else if (c == ' ') {
                if (allowBreaks && !spaces && w.column() > ScalarEmitter.BEST_WIDTH && i > 0 && i < v.length - 1) {
                    w.breakAndIndent(indent);
                    if (v[i + 1] == ' ') {
                        // A space at the start of a continuation line would be folded away: escape it.
                        w.emit("\\");
                    }
                } else {
                    w.emitCodePoint(c);
                }
                spaces = true;
            } else {
                w.emitCodePoint(c);
                spaces = false;
            }
        }
        w.emit("\"");
    }

    private static String escape(int c) {
        switch (c) {
            case 0x00: return "\\0";
            case 0x07: return "\\a";
            case 0x08: return "\\b";
            case 0x09: return "\\t";
            case 0x0A: return "\\n";
            case 0x0B: return "\\v";
            case 0x0C: return "\\f";
            case 0x0D: return "\\r";
            case 0x1B: return "\\e";
            case 0x22: return "\\\"";
            case 0x5C: return "\\\\";
            case 0x85: return "\\N";
            case 0xA0: return "\\_";
            case 0x2028: return "\\L";
            case 0x2029: return "\\P";
            default:
                if (c <= 0xFF) {
                    return String.format("\\x%02X", c);
                } else if (c <= 0xFFFF) {
                    return String.format("\\u%04X", c);
                }
                return String.format("\\U%08X", c);
        }
    }
}
