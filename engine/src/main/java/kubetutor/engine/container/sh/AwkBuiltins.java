package kubetutor.engine.container.sh;

import kubetutor.engine.container.sh.AwkParser.Expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** awk's built-in functions and its C-style number formatting (printf, OFMT, CONVFMT). */
final class AwkBuiltins {
    private static final Pattern SPEC = Pattern.compile("%([-+ #0]*)(\\*|[0-9]+)?(?:\\.(\\*|[0-9]+))?([cdiouxXeEfFgGs%])");

    private AwkBuiltins() {}

    static Object call(Awk a, String name, List<Expr> args) {
        switch (name) {
            case "length" -> {
                if (args.size() == 1 && args.get(0) instanceof AwkLValues.Variable v && a.isArray(v.name())) {
                    return (double) a.array(v.name()).size();
                }
                return (double) (args.isEmpty() ? a.field(0) : s(a, args, 0)).length();
            }
            case "substr" -> {
                String s = s(a, args, 0);
                double m = Math.round(AwkValues.num(args.get(1).eval(a)));
                double n = args.size() > 2 ? Math.round(AwkValues.num(args.get(2).eval(a))) : Double.POSITIVE_INFINITY;
                double start = Math.max(1, m);
                double end = Math.min(s.length() + 1, m + n);
                return end <= start ? "" : s.substring((int) start - 1, (int) end - 1);
            }
            case "index" -> {
                return (double) (s(a, args, 0).indexOf(s(a, args, 1)) + 1);
            }
            case "split" -> {
                String array = args.get(1) instanceof AwkLValues.Variable v ? v.name() : null;
                if (array == null) {
                    throw new AwkLexer.Error("split: second argument is not an array");
                }
                String fs = args.size() > 2 ? (args.get(2) instanceof AwkLValues.RegexLiteral r ? r.pattern().pattern() : s(a, args, 2))
                        : AwkValues.str(a, a.getVar("FS"));
                List<String> parts = a.split(s(a, args, 0), fs);
                Map<String, Object> m = a.array(array);
                m.clear();
                for (int i = 0; i < parts.size(); i++) {
                    m.put(String.valueOf(i + 1), new AwkValues.Strnum(parts.get(i)));
                }
                return (double) parts.size();
            }
            case "sub", "gsub" -> {
                return substitute(a, args, name.equals("gsub"));
            }
            case "match" -> {
                Matcher m = a.regex(args.get(1)).matcher(s(a, args, 0));
                boolean found = m.find();
                a.setVar("RSTART", found ? (double) m.start() + 1 : 0.0);
                a.setVar("RLENGTH", found ? (double) m.end() - m.start() : -1.0);
                return found ? (double) m.start() + 1 : 0.0;
            }
            case "toupper" -> {
                return s(a, args, 0).toUpperCase(Locale.ROOT);
            }
            case "tolower" -> {
                return s(a, args, 0).toLowerCase(Locale.ROOT);
            }
            case "sprintf" -> {
                List<Object> values = args.subList(1, args.size()).stream().map(e -> e.eval(a)).toList();
                return format(a, s(a, args, 0), values);
            }
            case "int" -> {
                double d = AwkValues.num(args.get(0).eval(a));
                return d < 0 ? Math.ceil(d) : Math.floor(d);
            }
            case "sqrt" -> {
                return Math.sqrt(AwkValues.num(args.get(0).eval(a)));
            }
            case "log" -> {
                return Math.log(AwkValues.num(args.get(0).eval(a)));
            }
            case "exp" -> {
                return Math.exp(AwkValues.num(args.get(0).eval(a)));
            }
            case "sin" -> {
                return Math.sin(AwkValues.num(args.get(0).eval(a)));
            }
            case "cos" -> {
                return Math.cos(AwkValues.num(args.get(0).eval(a)));
            }
            case "atan2" -> {
                return Math.atan2(AwkValues.num(args.get(0).eval(a)), AwkValues.num(args.get(1).eval(a)));
            }
            case "rand" -> {
                return 0.237788; // a fixed first draw: awk's generator starts from a fixed seed too
            }
            case "srand" -> {
                return 0.0;
            }
            case "close" -> {
                return a.close(s(a, args, 0));
            }
            default -> throw new AwkLexer.Error("function " + name + " is not available in kubetutor's awk (nothing runs on the host)");
        }
    }

    private static String s(Awk a, List<Expr> args, int i) {
        if (i >= args.size()) {
            throw new AwkLexer.Error("not enough arguments");
        }
        return AwkValues.str(a, args.get(i).eval(a));
    }

    /** sub and gsub: & in the replacement is the match, \\& a literal &. */
    private static double substitute(Awk a, List<Expr> args, boolean global) {
        Pattern re = a.regex(args.get(0));
        String repl = s(a, args, 1);
        Expr target = args.size() > 2 ? args.get(2) : new AwkLValues.Field(x -> 0.0);
        if (!(target instanceof AwkParser.LValue lv)) {
            throw new AwkLexer.Error("sub third parameter is not a changeable object");
        }
        String text = AwkValues.str(a, lv.eval(a));
        Matcher m = re.matcher(text);
        StringBuilder out = new StringBuilder();
        int at = 0;
        int n = 0;
        while (m.find()) {
            out.append(text, at, m.start());
            for (int i = 0; i < repl.length(); i++) {
                char ch = repl.charAt(i);
                if (ch == '\\' && i + 1 < repl.length() && (repl.charAt(i + 1) == '&' || repl.charAt(i + 1) == '\\')) {
                    out.append(repl.charAt(++i));
                } else if (ch == '&') {
                    out.append(m.group());
                } else {
                    out.append(ch);
                }
            }
            at = m.end();
            n++;
            if (!global) {
                break;
            }
        }
        if (n > 0) {
            lv.set(a, out.append(text.substring(at)).toString());
        }
        return n;
    }

    /** How awk prints a number: an integral one as an integer, another through OFMT / CONVFMT. */
    static String number(double d, String fmt) {
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return String.valueOf((long) d);
        }
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return format(null, fmt, List.of(d));
    }

    /** C's printf, as awk's printf and sprintf use it. */
    static String format(Awk a, String fmt, List<Object> values) {
        StringBuilder out = new StringBuilder();
        Matcher m = SPEC.matcher(fmt);
        int last = 0;
        int next = 0;
        while (m.find()) {
            out.append(fmt, last, m.start());
            last = m.end();
            char conv = m.group(4).charAt(0);
            if (conv == '%') {
                out.append('%');
                continue;
            }
            String flags = m.group(1);
            String width = m.group(2);
            String precision = m.group(3);
            if ("*".equals(width)) {
                width = String.valueOf((long) AwkValues.num(next < values.size() ? values.get(next++) : 0.0));
            }
            if ("*".equals(precision)) {
                precision = String.valueOf((long) AwkValues.num(next < values.size() ? values.get(next++) : 0.0));
            }
            if (width != null && width.length() > 6 || precision != null && precision.length() > 6) {
                throw new AwkLexer.Error("printf: width or precision too large");
            }
            Object v = next < values.size() ? values.get(next++) : "";
            out.append(one(a, conv, flags, width, precision, v));
        }
        out.append(fmt.substring(last));
        return out.toString();
    }

    private static String one(Awk a, char conv, String flags, String width, String precision, Object v) {
        String w = width == null ? "" : width;
        String p = precision == null ? "" : "." + precision;
        String jflags = flags.replace("#", "");
        switch (conv) {
            case 'd', 'i', 'u' -> {
                String digits = String.format(Locale.ROOT, "%" + jflags + w + "d", (long) AwkValues.num(v));
                return digits;
            }
            case 'o', 'x', 'X' -> {
                return String.format(Locale.ROOT, "%" + flags + w + conv, (long) AwkValues.num(v));
            }
            case 'c' -> {
                String s = v instanceof Double d ? String.valueOf((char) d.intValue()) : AwkValues.str(a, v);
                return String.format(Locale.ROOT, "%" + jflags.replace("0", "") + w + "s", s.isEmpty() ? "" : s.substring(0, 1));
            }
            case 's' -> {
                String s = AwkValues.str(a, v);
                if (precision != null) {
                    s = s.substring(0, Math.min(s.length(), Integer.parseInt(precision)));
                }
                return String.format(Locale.ROOT, "%" + jflags.replace("0", "") + w + "s", s);
            }
            case 'e', 'E', 'f', 'F' -> {
                return String.format(Locale.ROOT, "%" + flags + w + p + Character.toLowerCase(conv == 'F' ? 'f' : conv),
                        AwkValues.num(v)).transform(s -> conv == 'E' ? s.toUpperCase(Locale.ROOT) : s);
            }
            default -> {
                String g = cG(AwkValues.num(v), precision == null ? 6 : Math.max(1, Integer.parseInt(precision)), flags.contains("#"));
                if (conv == 'G') {
                    g = g.toUpperCase(Locale.ROOT);
                }
                String sign = flags.contains("+") && !g.startsWith("-") ? "+" : flags.contains(" ") && !g.startsWith("-") ? " " : "";
                g = sign + g;
                int width2 = width == null ? 0 : Integer.parseInt(width);
                if (g.length() >= width2) {
                    return g;
                }
                String pad = (flags.contains("0") && !flags.contains("-") ? "0" : " ").repeat(width2 - g.length());
                return flags.contains("-") ? g + pad : pad.startsWith("0") && (g.startsWith("-") || g.startsWith("+"))
                        ? g.charAt(0) + pad + g.substring(1) : pad + g;
            }
        }
    }

    /** C's %g: P significant digits, exponent form when the exponent is below -4 or at least P, trailing zeros dropped. */
    private static String cG(double d, int precision, boolean keepZeros) {
        if (d == 0) {
            return "0";
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.isNaN(d) ? "nan" : d > 0 ? "inf" : "-inf";
        }
        BigDecimal rounded = new BigDecimal(d).round(new MathContext(precision));
        int exponent = rounded.precision() - rounded.scale() - 1;
        String s;
        if (exponent < -4 || exponent >= precision) {
            s = String.format(Locale.ROOT, "%." + (precision - 1) + "e", d);
            if (!keepZeros) {
                s = s.replaceAll("\\.?0+e", "e");
            }
        } else {
            s = String.format(Locale.ROOT, "%." + Math.max(0, precision - 1 - exponent) + "f", d);
            if (!keepZeros && s.contains(".")) {
                s = s.replaceAll("\\.?0+$", "");
            }
        }
        return s;
    }
}
