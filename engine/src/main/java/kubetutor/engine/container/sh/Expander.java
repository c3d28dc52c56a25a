package kubetutor.engine.container.sh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Word expansion: parameters, substitutions, arithmetic, then field splitting and globbing. */
final class Expander {
    private Expander() {}

    /** Expands command words into arguments. */
    static List<String> fields(List<Ast.Word> words, Shell sh, Map<Ast.CmdSub, String> subs) {
        List<String> out = new ArrayList<>();
        for (Ast.Word w : words) {
            expandWord(w, sh, subs, out);
        }
        return out;
    }

    /** Expands one word to a single string, without splitting or globbing (assignments, redirections). */
    static String string(Ast.Word w, Shell sh, Map<Ast.CmdSub, String> subs) {
        StringBuilder b = new StringBuilder();
        for (Ast.Part p : w.parts()) {
            append(b, p instanceof Ast.Lit l ? l.text() : value(p, sh, subs), sh);
        }
        return b.toString();
    }

    /** A word being built must fit in what the container has left: x=$x$x doubles until it does not. */
    private static void append(StringBuilder b, String s, Shell sh) {
        sh.host.memory().room((long) b.length() + s.length());
        b.append(s);
    }

    private static void expandWord(Ast.Word w, Shell sh, Map<Ast.CmdSub, String> subs, List<String> out) {
        StringBuilder cur = new StringBuilder();
        boolean has = false;
        boolean glob = false;
        for (Ast.Part p : w.parts()) {
            if (p instanceof Ast.Lit l) {
                append(cur, l.text(), sh);
                has = true;
                glob |= !l.quoted() && (l.text().contains("*") || l.text().contains("?"));
                continue;
            }
            String v = value(p, sh, subs);
            if (quoted(p)) {
                append(cur, v, sh);
                has = true;
                continue;
            }
            if (v.isEmpty()) {
                continue;
            }
            if (Character.isWhitespace(v.charAt(0)) && has) {
                emit(cur, glob, sh, out);
                has = false;
                glob = false;
            }
            String trimmed = v.strip();
            if (!trimmed.isEmpty()) {
                String[] pieces = trimmed.split("[ \t\n]+");
                for (int i = 0; i < pieces.length; i++) {
                    if (i > 0) {
                        emit(cur, glob, sh, out);
                        glob = false;
                    }
                    append(cur, pieces[i], sh);
                    has = true;
                }
            }
            if (Character.isWhitespace(v.charAt(v.length() - 1)) && has) {
                emit(cur, glob, sh, out);
                has = false;
                glob = false;
            }
        }
        if (has) {
            emit(cur, glob, sh, out);
        }
    }

    private static void emit(StringBuilder cur, boolean glob, Shell sh, List<String> out) {
        String field = cur.toString();
        cur.setLength(0);
        if (glob) {
            List<String> matches = glob(field, sh);
            if (!matches.isEmpty()) {
                out.addAll(matches);
                return;
            }
        }
        out.add(field);
    }

    private static boolean quoted(Ast.Part p) {
        if (p instanceof Ast.Param x) {
            return x.quoted();
        } else if (p instanceof Ast.CmdSub x) {
            return x.quoted();
        } else if (p instanceof Ast.Arith x) {
            return x.quoted();
        }
        return true;
    }

    private static String value(Ast.Part p, Shell sh, Map<Ast.CmdSub, String> subs) {
        if (p instanceof Ast.Param x) {
            return param(x, sh, subs);
        } else if (p instanceof Ast.CmdSub x) {
            return subs.getOrDefault(x, "");
        } else if (p instanceof Ast.Arith x) {
            return String.valueOf(Arith.eval(string(x.expr(), sh, subs), sh));
        }
        return ((Ast.Lit) p).text();
    }

    private static String param(Ast.Param p, Shell sh, Map<Ast.CmdSub, String> subs) {
        String v = sh.get(p.name());
        boolean unsetOrEmpty = v == null || (p.op().startsWith(":") && v.isEmpty());
        switch (p.op()) {
            case "#":
                return String.valueOf(v == null ? 0 : v.length());
            case ":-":
            case "-":
                return unsetOrEmpty ? string(p.arg(), sh, subs) : v;
            case ":=":
            case "=":
                if (unsetOrEmpty) {
                    v = string(p.arg(), sh, subs);
                    sh.vars.put(p.name(), v);
                }
                return v;
            case ":+":
            case "+":
                return unsetOrEmpty ? "" : string(p.arg(), sh, subs);
            default:
                return v == null ? "" : v;
        }
    }

    /** Matches a pattern with * and ? against the container's files, one path segment at a time. */
    static List<String> glob(String pattern, Shell sh) {
        boolean absolute = pattern.startsWith("/");
        List<String> current = new ArrayList<>();
        current.add(absolute ? "/" : "");
        for (String seg : pattern.split("/")) {
            if (seg.isEmpty()) {
                continue;
            }
            List<String> next = new ArrayList<>();
            for (String base : current) {
                String dir = sh.resolve(base.isEmpty() ? "." : base);
                String prefix = base.isEmpty() ? "" : base.endsWith("/") ? base : base + "/";
                if (!seg.contains("*") && !seg.contains("?")) {
                    if (sh.host.fs().exists(VirtualFs.resolve(dir, seg))) {
                        next.add(prefix + seg);
                    }
                    continue;
                }
                Pattern re = Pattern.compile(toRegex(seg));
                for (VirtualFs.Entry e : sh.host.fs().list(dir)) {
                    if ((!e.name().startsWith(".") || seg.startsWith(".")) && re.matcher(e.name()).matches()) {
                        next.add(prefix + e.name());
                    }
                }
            }
            current = next;
        }
        return current;
    }

    private static String toRegex(String glob) {
        StringBuilder b = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                b.append(".*");
            } else if (c == '?') {
                b.append('.');
            } else {
                b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return b.toString();
    }
}
