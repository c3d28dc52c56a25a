package kubetutor.engine.session;

import kubetutor.engine.command.UsageException;
import kubetutor.engine.container.sh.ConnectTimeout;

import java.time.Duration;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * curl's command line as curl 7.88 reads it: short options may be grouped ({@code -sSf}), the last of
 * a group taking its value from the rest or the next word ({@code -so out.html}); long ones by name.
 * Options that change only what goes over the wire here (-L, -k, -X, -H) are taken and change
 * nothing: the simulated servers answer a GET the same. -m/--max-time and --connect-timeout bound
 * how long a connect that is never answered waits.
 *
 * @param connectTimeout --connect-timeout, or null
 * @param maxTime        -m/--max-time, or null
 */
record CurlOptions(String url, boolean silent, boolean showError, boolean fail, String output, String writeOut,
                   Duration connectTimeout, Duration maxTime) {
    private static final Map<String, Character> LONG = Map.ofEntries(Map.entry("--silent", 's'), Map.entry("--show-error", 'S'),
            Map.entry("--fail", 'f'), Map.entry("--output", 'o'), Map.entry("--write-out", 'w'), Map.entry("--location", 'L'),
            Map.entry("--insecure", 'k'), Map.entry("--request", 'X'), Map.entry("--header", 'H'), Map.entry("--max-time", 'm'));
    private static final Set<Character> VALUED = Set.of('o', 'w', 'X', 'H', 'm');
    private static final Set<Character> FLAGS = Set.of('s', 'S', 'f', 'L', 'k');
    /** Options curl has that change what it prints here (-v, -I, -i, ...): said to be missing, not ignored. */
    private static final Set<String> NOT_SIMULATED_LONG = Set.of("--verbose", "--head", "--include", "--data", "--user-agent",
            "--retry", "--compressed", "--progress-bar", "--no-progress-meter", "--trace", "--remote-name",
            "--resolve", "--user", "--cookie", "--form", "--get", "--http1.1", "--http2", "--ipv4", "--ipv6", "--dump-header");
    private static final String TRY = "curl: try 'curl --help' or 'curl --manual' for more information";

    /** The options, or curl's complaint (status 2) about them. */
    static CurlOptions parse(List<String> args) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException(TRY, 2);
        }
        String url = null;
        boolean silent = false;
        boolean showError = false;
        boolean fail = false;
        String output = null;
        String writeOut = null;
        Duration connectTimeout = null;
        Duration maxTime = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-") || a.equals("-")) {
                url = a;
                continue;
            }
            if (a.equals("--connect-timeout")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("curl: option " + a + ": requires parameter\n" + TRY, 2);
                }
                connectTimeout = seconds(a, args.get(++i));
                continue;
            }
            String group = a.startsWith("--") ? String.valueOf(flag(a)) : a.substring(1);
            for (int k = 0; k < group.length(); k++) {
                char f = group.charAt(k);
                String shown = a.startsWith("--") ? a : "-" + f;
                if (!VALUED.contains(f) && !FLAGS.contains(f)) {
                    // every letter is one of curl's options (but W), as are 0-6, # and :
                    boolean real = Character.isLetter(f) && f != 'W' || "0123456#:".indexOf(f) >= 0;
                    throw new UsageException(real ? notSimulated(shown) : "curl: option " + shown + ": is unknown\n" + TRY, 2);
                }
                String value = null;
                if (VALUED.contains(f)) {
                    value = k + 1 < group.length() && !a.startsWith("--") ? group.substring(k + 1)
                            : i + 1 < args.size() ? args.get(++i) : null;
                    if (value == null) {
                        throw new UsageException("curl: option " + shown + ": requires parameter\n" + TRY, 2);
                    }
                    k = group.length();
                }
                switch (f) {
                    case 's' -> silent = true;
                    case 'S' -> showError = true;
                    case 'f' -> fail = true;
                    case 'o' -> output = value;
                    case 'w' -> writeOut = value;
                    case 'm' -> maxTime = seconds(shown, value);
                    default -> { }
                }
            }
        }
        if (url == null) {
            throw new UsageException("curl: no URL specified!\n" + TRY, 2);
        }
        return new CurlOptions(url, silent, showError, fail, output, writeOut, connectTimeout, maxTime);
    }

    private static Duration seconds(String option, String value) throws UsageException {
        Duration d = ConnectTimeout.curlSeconds(value);
        if (d == null) {
            throw new UsageException("curl: option " + option + ": expected a proper numerical parameter\n" + TRY, 2);
        }
        return d;
    }

    private static String notSimulated(String option) {
        return "curl: option " + option + ": kubetutor's curl does not simulate it (it answers -s, -S, -f, -o, -w, -L, -k, -X, -H, -m, --connect-timeout)";
    }

    private static char flag(String longOption) throws UsageException {
        Character f = LONG.get(longOption);
        if (NOT_SIMULATED_LONG.contains(longOption)) {
            throw new UsageException(notSimulated(longOption), 2);
        }
        if (f == null) {
            throw new UsageException("curl: option " + longOption + ": is unknown\n" + TRY, 2);
        }
        return f;
    }
}
