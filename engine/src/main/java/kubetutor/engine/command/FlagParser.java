package kubetutor.engine.command;

import java.util.List;

/**
 * Parses flags the way spf13/pflag does for kubectl: long flags with "=" or a following value,
 * shorthand flags alone, joined ("-owide", "-it") or with "=", flags anywhere among the
 * arguments, and everything after "--" left alone. Errors carry pflag's wording.
 */
public final class FlagParser {
    private FlagParser() {}

    public static ParsedArgs parse(List<String> tokens, List<FlagSpec> flags, String commandPath) {
        return parse("", tokens, flags, commandPath);
    }

    /**
     * Parses the words after kubectl's verb ({@code verb} as typed, kept for the change cause
     * --record writes). A deprecated flag's warning is kept for the caller to print: cobra buffers
     * pflag's warnings and prints them only when the whole line parsed.
     */
    public static ParsedArgs parse(String verb, List<String> tokens, List<FlagSpec> flags, String commandPath) {
        ParsedArgs out = new ParsedArgs(verb);
        parseInto(out, tokens, flags, commandPath);
        return out;
    }

    private static void parseInto(ParsedArgs out, List<String> tokens, List<FlagSpec> flags, String commandPath) {
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("--")) {
                out.sawDash();
                for (int j = i + 1; j < tokens.size(); j++) {
                    out.dash(tokens.get(j));
                }
                break;
            }
            if (t.startsWith("--") ) {
                String body = t.substring(2);
                int eq = body.indexOf('=');
                String name = eq >= 0 ? body.substring(0, eq) : body;
                FlagSpec spec = find(flags, name);
                if (spec == null) {
                    throw usage("unknown flag: --" + name, commandPath);
                }
                if (!spec.takesValue()) {
                    String raw = eq >= 0 ? body.substring(eq + 1) : "true";
                    set(out, spec, boolValue(raw, spec, commandPath), raw);
                } else if (eq >= 0) {
                    String raw = body.substring(eq + 1);
                    set(out, spec, checked(spec, raw, commandPath), raw);
                } else if (spec.noOptDefault() != null) {
                    set(out, spec, spec.noOptDefault(), spec.noOptDefault());
                } else if (i + 1 < tokens.size()) {
                    String raw = tokens.get(++i);
                    set(out, spec, checked(spec, raw, commandPath), raw);
                } else {
                    throw usage("flag needs an argument: --" + name, commandPath);
                }
            } else if (t.startsWith("-") && t.length() > 1) {
                String shorts = t.substring(1);
                for (int k = 0; k < shorts.length(); k++) {
                    String c = shorts.substring(k, k + 1);
                    FlagSpec spec = findShort(flags, c);
                    if (spec == null) {
                        throw usage("unknown shorthand flag: '" + c + "' in -" + shorts, commandPath);
                    }
                    if (!spec.takesValue()) {
                        if (k + 1 < shorts.length() && shorts.charAt(k + 1) == '=') {
                            String raw = shorts.substring(k + 2);
                            set(out, spec, boolValue(raw, spec, commandPath), raw);
                            break;
                        }
                        set(out, spec, "true", "true");
                        continue;
                    }
                    String rest = shorts.substring(k + 1);
                    if (rest.startsWith("=")) {
                        rest = rest.substring(1);
                    }
                    if (!rest.isEmpty()) {
                        set(out, spec, checked(spec, rest, commandPath), rest);
                    } else if (i + 1 < tokens.size()) {
                        String raw = tokens.get(++i);
                        set(out, spec, checked(spec, raw, commandPath), raw);
                    } else {
                        throw usage("flag needs an argument: '" + c + "' in -" + shorts, commandPath);
                    }
                    break;
                }
            } else {
                out.positional(t);
            }
        }
    }

    /** Sets a flag, as pflag's Set does: the value, then the deprecation warning. */
    private static void set(ParsedArgs out, FlagSpec spec, String value, String raw) {
        out.set(spec, value);
        out.typed(spec, raw);
        if (spec.deprecated() != null) {
            out.warn("Flag --" + spec.name() + " has been deprecated, " + spec.deprecated());
        }
    }

    private static String boolValue(String v, FlagSpec spec, String commandPath) {
        return switch (v) {
            case "true", "1", "t", "T", "TRUE", "True" -> "true";
            case "false", "0", "f", "F", "FALSE", "False" -> "false";
            default -> throw usage("invalid argument \"" + v + "\" for \"" + flagName(spec) + "\" flag: strconv.ParseBool: parsing \""
                    + v + "\": invalid syntax", commandPath);
        };
    }

    private static String flagName(FlagSpec spec) {
        return spec.shorthand() == null ? "--" + spec.name() : "-" + spec.shorthand() + ", --" + spec.name();
    }

    private static String checked(FlagSpec spec, String v, String commandPath) {
        if (spec.value() == ValueKind.DURATION) {
            // kubectl's time.Duration flags show their default with a unit ("0s", "1m0s") and take only
            // Go durations; --request-timeout is a string flag that also takes a bare number of seconds.
            if (spec.defaultValue() != null && spec.defaultValue().matches(".*[a-z]")) {
                String problem = GoDurations.problem(v);
                if (problem != null) {
                    throw usage("invalid argument \"" + v + "\" for \"" + flagName(spec) + "\" flag: " + problem, commandPath);
                }
            }
            return v;
        }
        if (spec.defaultValue() != null && spec.defaultValue().matches("-?\\d+")) {
            // pflag's int flags are Go ints, 64 bits wide (int32 ones 32): a wider number is out of range, not a syntax error.
            String problem = !v.matches("[-+]?\\d+") ? "invalid syntax" : fits(v, spec.value()) ? null : "value out of range";
            if (problem != null) {
                throw usage("invalid argument \"" + v + "\" for \"" + flagName(spec) + "\" flag: strconv.ParseInt: parsing \""
                        + v + "\": " + problem, commandPath);
            }
        }
        return v;
    }

    private static boolean fits(String digits, ValueKind kind) {
        try {
            long n = Long.parseLong(digits);
            return kind != ValueKind.INT32 || n == (int) n;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static FlagSpec find(List<FlagSpec> flags, String name) {
        for (FlagSpec f : flags) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    private static FlagSpec findShort(List<FlagSpec> flags, String c) {
        for (FlagSpec f : flags) {
            if (c.equals(f.shorthand())) {
                return f;
            }
        }
        return null;
    }

    private static UsageException usage(String what, String commandPath) {
        return new UsageException("Error: " + what + "\nSee '" + commandPath + " --help' for usage.");
    }
}
