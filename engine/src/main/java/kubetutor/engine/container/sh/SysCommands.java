package kubetutor.engine.container.sh;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** hostname, env, date, id, whoami, uname and the variable builtins (export, unset, set, trap). */
final class SysCommands {
    private SysCommands() {}

    static void register(Map<String, Command> t) {
        t.put("hostname", (c, a) -> {
            c.out(c.sh().host.hostname() + "\n");
            return 0;
        });
        t.put("env", SysCommands::env);
        t.put("printenv", SysCommands::env);
        t.put("date", SysCommands::date);
        t.put("id", (c, a) -> {
            c.out("uid=0(root) gid=0(root) groups=0(root),10(wheel)\n");
            return 0;
        });
        t.put("whoami", (c, a) -> {
            c.out("root\n");
            return 0;
        });
        t.put("uname", SysCommands::uname);
        t.put("export", SysCommands::export);
        t.put("unset", (c, a) -> {
            for (String name : a.subList(1, a.size())) {
                c.sh().vars.remove(name);
                c.sh().exported.remove(name);
            }
            return 0;
        });
        // Options (-e, -x) are accepted and not simulated; "set -- a b" sets the positional parameters.
        t.put("set", (c, a) -> {
            int dd = a.indexOf("--");
            if (dd > 0) {
                c.sh().positional = new java.util.ArrayList<>(a.subList(dd + 1, a.size()));
            }
            return 0;
        });
        t.put("trap", SysCommands::trap);
    }

    private static int env(Command.Ctx c, List<String> argv) {
        Map<String, String> env = new LinkedHashMap<>(c.sh().environment());
        env.putAll(c.tempEnv());
        if (argv.get(0).equals("printenv") && argv.size() > 1) {
            String v = env.get(argv.get(1));
            if (v == null) {
                return 1;
            }
            c.out(v + "\n");
            return 0;
        }
        env.forEach((k, v) -> c.out(k + "=" + v + "\n"));
        return 0;
    }

    /** busybox date's default: "Mon Jan  5 09:00:12 UTC 2026"; "+FORMAT" takes the common strftime codes. */
    private static int date(Command.Ctx c, List<String> argv) {
        ZonedDateTime t = c.now().atZone(ZoneOffset.UTC);
        String format = "%a %b %e %H:%M:%S %Z %Y";
        for (String a : argv.subList(1, argv.size())) {
            if (a.startsWith("+")) {
                format = a.substring(1);
            }
        }
        c.out(strftime(format, t) + "\n");
        return 0;
    }

    static String strftime(String format, ZonedDateTime t) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch != '%' || i + 1 >= format.length()) {
                b.append(ch);
                continue;
            }
            char f = format.charAt(++i);
            String p = switch (f) {
                case 'a' -> "EEE";
                case 'b', 'h' -> "MMM";
                case 'd' -> "dd";
                case 'e' -> "ppd";
                case 'H' -> "HH";
                case 'M' -> "mm";
                case 'S' -> "ss";
                case 'Y' -> "yyyy";
                case 'y' -> "yy";
                case 'm' -> "MM";
                case 'T' -> "HH:mm:ss";
                case 'F' -> "yyyy-MM-dd";
                case 'j' -> "DDD";
                default -> null;
            };
            if (p != null) {
                b.append(DateTimeFormatter.ofPattern(p, Locale.ROOT).format(t));
            } else if (f == 'Z') {
                b.append("UTC");
            } else if (f == 's') {
                b.append(t.toEpochSecond());
            } else if (f == 'n') {
                b.append('\n');
            } else if (f == '%') {
                b.append('%');
            } else {
                b.append('%').append(f);
            }
        }
        return b.toString();
    }

    private static int uname(Command.Ctx c, List<String> argv) {
        String flags = String.join("", argv.subList(1, argv.size())).replace("-", "");
        String host = c.sh().host.hostname();
        if (flags.contains("a")) {
            c.out("Linux " + host + " 6.8.0-kubetutor #1 SMP x86_64 GNU/Linux\n");
        } else if (flags.contains("n")) {
            c.out(host + "\n");
        } else if (flags.contains("r")) {
            c.out("6.8.0-kubetutor\n");
        } else if (flags.contains("m")) {
            c.out("x86_64\n");
        } else {
            c.out("Linux\n");
        }
        return 0;
    }

    private static int export(Command.Ctx c, List<String> argv) {
        Shell sh = c.sh();
        List<String> args = argv.subList(1, argv.size());
        if (args.isEmpty() || args.equals(List.of("-p"))) {
            sh.environment().forEach((k, v) -> c.out("export " + k + "='" + v.replace("'", "'\"'\"'") + "'\n"));
            return 0;
        }
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq > 0) {
                sh.export(a.substring(0, eq), a.substring(eq + 1));
            } else {
                sh.exported.add(a);
            }
        }
        return 0;
    }

    /** trap ACTION SIGNAL...: only TERM matters to a container (sent on pod deletion). */
    private static int trap(Command.Ctx c, List<String> argv) {
        Shell sh = c.sh();
        if (argv.size() == 1) {
            sh.traps.forEach((sig, action) -> c.out("trap -- '" + action + "' " + sig + "\n"));
            return 0;
        }
        String action = argv.get(1);
        for (String sig : argv.subList(2, argv.size())) {
            String name = sig.toUpperCase(Locale.ROOT).replaceFirst("^SIG", "");
            name = switch (name) {
                case "15" -> "TERM";
                case "2" -> "INT";
                case "0" -> "EXIT";
                default -> name;
            };
            if (action.equals("-")) {
                sh.traps.remove(name);
            } else {
                sh.traps.put(name, action);
            }
        }
        return 0;
    }
}
