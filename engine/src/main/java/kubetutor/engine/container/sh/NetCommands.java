package kubetutor.engine.container.sh;

import kubetutor.engine.kubelet.HttpResult;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * wget (busybox) and curl over the engine's simulated network. Answered requests take no simulated
 * time; a connect to an address that never answers waits out its timeout ({@link ConnectTimeout}).
 * The transfer progress lines are shortened to what the lessons need to show.
 */
final class NetCommands {
    private NetCommands() {}

    static void register(Map<String, Command> t) {
        t.put("wget", NetCommands::wget);
        t.put("curl", NetCommands::curl);
        t.put("nslookup", NsLookup::run);
    }

    /** The GET a client makes: its host name resolved first (a name that does not resolve fails there). */
    /** What busybox's wget sends as User-Agent. */
    private static final String WGET_AGENT = "Wget";
    /** What curl sends in the catalog images that ship it (nginx, on Debian bookworm: curl 7.88.1). */
    private static final String CURL_AGENT = "curl/7.88.1";

    private static HttpResult get(Command.Ctx c, Url u, String userAgent) {
        if (u.port() < 0) {
            return HttpResult.unresolved();
        }
        return Resolver.resolve(c.sh().host, u.host())
                .map(ip -> c.sh().host.http(ip, u.port(), u.path(), userAgent))
                .orElseGet(HttpResult::unresolved);
    }

    private static int wget(Command.Ctx c, List<String> argv) {
        boolean quiet = false;
        String output = null;
        String url = null;
        int timeout = 900; // busybox's default network timeout, in seconds
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("-O") && i + 1 < argv.size()) {
                output = argv.get(++i);
            } else if (a.startsWith("--output-document=")) {
                output = a.substring(a.indexOf('=') + 1);
            } else if ((a.equals("-T") || a.equals("--timeout")) && i + 1 < argv.size() || a.startsWith("-T") && a.length() > 2) {
                String value = a.length() > 2 && !a.startsWith("--") ? a.substring(2) : argv.get(++i);
                if (!value.matches("\\d{1,9}")) {
                    c.err("wget: invalid number '" + value + "'\n");
                    return 1;
                }
                timeout = Integer.parseInt(value);
            } else if (a.equals("--quiet")) {
                quiet = true;
            } else if (a.startsWith("-") && !a.startsWith("--") && a.length() > 1) {
                // Combined short options: -q, -qO-, -qO file.
                int o = a.indexOf('O');
                String letters = o >= 0 ? a.substring(1, o) : a.substring(1);
                quiet |= letters.contains("q");
                if (o >= 0) {
                    output = o + 1 < a.length() ? a.substring(o + 1) : (i + 1 < argv.size() ? argv.get(++i) : "");
                }
            } else if (!a.startsWith("-")) {
                url = a;
            }
        }
        if (url == null) {
            c.err("BusyBox v1.36.1 multi-call binary.\n\nUsage: wget [-cqS] [-O FILE] URL...\n");
            return 1;
        }
        Url u = Url.parse(url);
        Optional<String> ip = u.port() < 0 ? Optional.empty() : Resolver.resolve(c.sh().host, u.host());
        if (ip.isEmpty()) {
            c.err("wget: bad address '" + u.hostPort() + "'\n");
            return 1;
        }
        if (!quiet) {
            c.err("Connecting to " + u.hostPort() + " (" + ip.get() + ":" + u.port() + ")\n");
        }
        HttpResult r = c.sh().host.http(ip.get(), u.port(), u.path(), WGET_AGENT);
        if (r.failure() == HttpResult.Failure.REFUSED) {
            c.err("wget: can't connect to remote host (" + ip.get() + "): Connection refused\n");
            return 1;
        }
        if (r.failure() == HttpResult.Failure.TIMED_OUT) {
            throw new Command.Waiting(ConnectTimeout.wget(ip.get(), timeout), true);
        }
        if (r.status() >= 400) {
            c.err("wget: server returned error: HTTP/1.1 " + r.status() + " " + reason(r.status()) + "\n");
            return 1;
        }
        String target = output == null ? u.fileName() : output;
        boolean toStdout = target.equals("-");
        if (!quiet) {
            c.err(toStdout ? "writing to stdout\n" : "saving to '" + target + "'\n");
        }
        if (toStdout) {
            c.out(r.body());
        } else if (!c.fs().write(c.path(target), r.body(), c.now())) {
            c.err("wget: can't open '" + target + "': No such file or directory\n");
            return 1;
        }
        if (!quiet) {
            String name = toStdout ? "-" : target;
            c.err(String.format(java.util.Locale.ROOT, "%-20.20s 100%% |********************************| %5d  0:00:00 ETA\n",
                    name, r.body().length()));
            c.err(toStdout ? "written to stdout\n" : "'" + target + "' saved\n");
        }
        return 0;
    }

    private static int curl(Command.Ctx c, List<String> argv) {
        boolean silent = false;
        boolean showErrors = false;
        boolean fail = false;
        String output = null;
        String url = null;
        java.time.Duration connectTimeout = null;
        java.time.Duration maxTime = null;
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if ((a.equals("-o") || a.equals("--output")) && i + 1 < argv.size()) {
                output = argv.get(++i);
            } else if ((a.equals("-m") || a.equals("--max-time") || a.equals("--connect-timeout")) && i + 1 < argv.size()) {
                java.time.Duration d = ConnectTimeout.curlSeconds(argv.get(++i));
                if (d == null) {
                    c.err("curl: option " + a + ": expected a proper numerical parameter\n"
                            + "curl: try 'curl --help' or 'curl --manual' for more information\n");
                    return 2;
                }
                if (a.equals("--connect-timeout")) {
                    connectTimeout = d;
                } else {
                    maxTime = d;
                }
            } else if (a.equals("--silent")) {
                silent = true;
            } else if (a.equals("--fail")) {
                fail = true;
            } else if (a.startsWith("-") && !a.startsWith("--")) {
                silent |= a.contains("s");
                showErrors |= a.contains("S");
                fail |= a.contains("f");
            } else if (!a.startsWith("-")) {
                url = a;
            }
        }
        if (url == null) {
            c.err("curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
            return 2;
        }
        Url u = Url.parse(url);
        HttpResult r = get(c, u, CURL_AGENT);
        boolean report = !silent || showErrors;
        switch (r.failure()) {
            case UNRESOLVED -> {
                if (report) {
                    c.err("curl: (6) Could not resolve host: " + u.host() + "\n");
                }
                return 6;
            }
            case REFUSED -> {
                if (report) {
                    c.err("curl: (7) Failed to connect to " + u.host() + " port " + u.port()
                            + " after 0 ms: Couldn't connect to server\n");
                }
                return 7;
            }
            case TIMED_OUT -> throw new Command.Waiting(ConnectTimeout.curl(u.host(), u.port(), connectTimeout, maxTime), report);
            default -> { }
        }
        if (fail && r.status() >= 400) {
            if (report) {
                c.err("curl: (22) The requested URL returned error: " + r.status() + "\n");
            }
            return 22;
        }
        if (output != null && !output.equals("-")) {
            if (!c.fs().write(c.path(output), r.body(), c.now())) {
                if (report) {
                    c.err("curl: (23) Failure writing output to destination\n");
                }
                return 23;
            }
        } else {
            c.out(r.body());
        }
        return 0;
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
    }
}
