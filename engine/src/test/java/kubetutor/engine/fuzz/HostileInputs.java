package kubetutor.engine.fuzz;

import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.ValueKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.List;

/**
 * What a hostile learner types, as jqwik generators: command lines built from the session's own
 * command table (every kubectl verb and flag, the simulator's commands), with values valid and
 * hostile, joined by sh's operators, substitutions, pipes, redirects and here-documents; and
 * lines of raw noise.
 */
public final class HostileInputs {
    /** Values that have broken kubetutor or Kubernetes clients before: numbers past every width, paths out, quoting. */
    static final List<String> NASTY = List.of("", "-1", "0", "99999999999", "99999999999999999999", "1e400", "NaN",
            "-", "--", "'", "\"", "$(", "$(echo", "`", "\\", "%", "{", "}", "{{", "[", "]", "*", "?", "((", "))",
            "../../etc/passwd", "/etc/shadow", "/", ".", "..", "~", "a".repeat(3000), "한글", "\u0000", "\u202e",
            "\t", "=", ",", "app=web", "app in (a,b)", "!app", "app notin ()", "pod/web", "deployment/web",
            "-o", "--help", "1m", "-5s", "99999999999999d", "0x10", "1.5", "web,web", "a=b=c", "\u00ff\u00fe",
            "{.metadata.name}", "{range .items[*]}{end}", "jsonpath={..}", "custom-columns=A:.a", "12.5.3",
            "99999999999999999999999", "1Ei", "-1Gi", "${x}", "$((1/0))", "$((--1))", ">", ">>", "|", "&&", ";");
    static final List<String> TYPES = List.of("pods", "po", "pod", "rc", "rs", "deploy", "deployment", "svc", "ns",
            "nodes", "no", "cm", "secret", "sa", "ds", "events", "all", "ep", "nosuchtype", "pods,rc");
    static final List<String> NAMES = List.of("web", "web-0", "box", "cfg", "default", "kube-system", "worker1",
            "master", "nosuch", "WEB", "web.yaml");
    static final List<String> IMAGES = List.of("nginx", "busybox", "nginx:1.14.2", "http-go:v1", "nosuch/image:x",
            "busybox@sha256:1234", ":", "UPPER");
    static final List<String> SHELL_SNIPPETS = List.of("echo hi", "sleep 1", "x=a; while :; do x=$x$x; done",
            "while :; do :; done", "cat /etc/hostname", "ls /", "exit 3", "head -n -1 /etc/hosts", "kill -9 1",
            "echo $((9223372036854775807+1))", "yes | head -n 2", "trap 'echo bye' TERM; sleep 5",
            "for i in 1 2 3; do echo $i; done", "echo $(echo $(echo deep))", "cd / && pwd", "wget -qO- localhost",
            "printf %s 1", "test 1 -lt 99999999999999999999", "read x", "cat > /tmp/f <<EOF\nx\nEOF");

    private HostileInputs() {}

    /** One line (or a few, with a here-document) a learner might type. */
    public static Arbitrary<String> commandLines(List<CommandSpec> table) {
        Arbitrary<String> one = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, kubectl(kubectlSpec(table))),
                net.jqwik.api.Tuple.of(2, simulator(table)),
                net.jqwik.api.Tuple.of(1, noise()));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, one),
                net.jqwik.api.Tuple.of(2, Combinators.combine(one, Arbitraries.of(" ; ", " && ", " || ", " | ", " | head -n "), one)
                        .as((a, op, b) -> a + op + b)),
                net.jqwik.api.Tuple.of(1, one.map(c -> "echo $(" + c + ")")),
                net.jqwik.api.Tuple.of(1, Combinators.combine(one, Arbitraries.of("out.txt", "../x", "/etc/x", "sub/", ""))
                        .as((c, f) -> c + " > " + f)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of("kubectl apply -f -", "kubectl create -f -",
                        "kubectl replace -f -", "cat"), Manifests.yamlTexts()).as((c, body) -> c + " <<EOF\n" + body + "\nEOF")));
    }

    private static CommandSpec kubectlSpec(List<CommandSpec> table) {
        return table.stream().filter(s -> s.name().equals("kubectl")).findFirst().orElseThrow();
    }

    /** kubectl VERB [SUB] [positionals] [flags], from the verb's own table. */
    static Arbitrary<String> kubectl(CommandSpec kubectl) {
        List<CommandSpec> verbs = new ArrayList<>();
        for (CommandSpec verb : kubectl.subcommands()) {
            verbs.add(verb);
            verbs.addAll(verb.subcommands().stream()
                    .map(sub -> new CommandSpec(verb.name() + " " + sub.name(), List.of(), sub.summary(),
                            sub.allFlags(verb.flags()), sub.args(), List.of()))
                    .toList());
        }
        return Arbitraries.of(verbs).flatMap(verb -> Combinators.combine(
                        positionals().list().ofMaxSize(3),
                        flag(verb.allFlags(kubectl.flags())).list().ofMaxSize(4),
                        Arbitraries.of("", "", "", " -- " + "sh -c 'echo hi'", " -- sleep 3600"))
                .as((pos, flags, tail) -> "kubectl " + verb.name() + join(pos) + join(flags) + tail));
    }

    private static Arbitrary<String> positionals() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(TYPES)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(NAMES)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of(TYPES), Arbitraries.of(NAMES)).as((t, n) -> t + "/" + n)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(NASTY).map(HostileInputs::quote)));
    }

    private static Arbitrary<String> flag(List<FlagSpec> flags) {
        if (flags.isEmpty()) {
            return Arbitraries.just("");
        }
        return Arbitraries.of(flags).flatMap(f -> {
            String name = f.shorthand() != null && !f.shorthand().isEmpty() ? "-" + f.shorthand() : "--" + f.name();
            if (f.value() == ValueKind.NONE) {
                return Arbitraries.of(name, "--" + f.name() + "=false", "--" + f.name() + "=maybe");
            }
            return Combinators.combine(value(f), Arbitraries.of(true, false))
                    .as((v, glued) -> glued && name.startsWith("--") ? name + "=" + quote(v) : name + " " + quote(v));
        });
    }

    /** A value for a flag: a likely one for its kind, one of its choices, or something nasty. */
    private static Arbitrary<String> value(FlagSpec f) {
        List<String> likely = new ArrayList<>(f.choices());
        switch (f.value()) {
            case INT32 -> likely.addAll(List.of("1", "3", "2147483647", "2147483648"));
            case OUTPUT_FORMAT -> likely.addAll(List.of("yaml", "json", "wide", "name", "jsonpath={.metadata.name}",
                    "jsonpath-file=/etc/passwd", "custom-columns=N:.metadata.name", "go-template={{.}}"));
            case NAMESPACE -> likely.addAll(List.of("default", "kube-system", "nosuch"));
            case FILE -> likely.addAll(List.of("web.yaml", "-", "nosuch.yaml", "/etc/passwd", "..", "sub"));
            case DURATION -> likely.addAll(List.of("1s", "30s", "5m", "0", "-1s", "1h"));
            case LABEL_SELECTOR -> likely.addAll(List.of("app=web", "app!=web", "app in (web)", "tier"));
            case KEY_VALUE -> likely.addAll(List.of("a=b", "=b", "a=", "a"));
            default -> likely.addAll(IMAGES);
        }
        if (f.defaultValue() != null && f.defaultValue().matches("-?\\d+")) {
            likely.addAll(List.of("0", "-1", "5", "99999999999999999999"));
        }
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.of(likely)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(NASTY)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(12)));
    }

    /** The simulator's own commands and the workspace helpers, with their operands. */
    static Arbitrary<String> simulator(List<CommandSpec> table) {
        List<String> names = table.stream().map(CommandSpec::name).filter(n -> !n.equals("kubectl")).toList();
        Arbitrary<String> operand = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.of("30s", "5m", "1d", "realtime", "manual", "2", "pods", "ko", "en",
                        "snap.yaml", "web.yaml", "sub", "/", "..", "kubectl", "get")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(NASTY).map(HostileInputs::quote)));
        return Combinators.combine(Arbitraries.of(names), operand.list().ofMaxSize(3))
                .as((name, ops) -> name + join(ops));
    }

    /** Anything at all: sh syntax gone wrong, control characters, a container command. */
    static Arbitrary<String> noise() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().ofMaxLength(40)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(NASTY).list().ofMaxSize(5).map(l -> String.join(" ", l))),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(SHELL_SNIPPETS).map(s -> "kubectl exec box -- sh -c " + quote(s))),
                net.jqwik.api.Tuple.of(3, shellPrograms().map(s -> "kubectl exec box -- sh -c " + quote(s))),
                net.jqwik.api.Tuple.of(2, shellPrograms().map(s -> "kubectl get pods -A | " + s)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 300).map(n -> "echo " + "$(".repeat(n) + ")".repeat(n))));
    }

    /** Tokens of the container shell's language in any order: its parser, expansions and built-in commands. */
    static final List<String> SH_TOKENS = List.of("echo", "cat", "head", "tail", "wc", "grep", "cut", "sort", "uniq", "tr",
            "test", "[", "]", "printf", "seq", "sleep", "read", "exit", "kill", "trap", "cd", "ls", "rm", "mkdir", "touch",
            "env", "export", "unset", "set", "shift", "wget", "nc", "x=1", "x=$x$x", "$x", "$?", "$#", "$@", "$0", "$1",
            "${x:-y}", "${x:=z}", "${#x}", "${x", "$((x+1))", "$((1/0))", "$((9223372036854775807*2))", "$((", "$(",
            "$(echo hi)", "`echo`", "|", "&&", "||", ";", "&", "if", "then", "else", "fi", "while", "until", "do",
            "done", "for", "in", "case", "esac", "(", ")", "{", "}", ">", ">>", "<", "2>&1", ">/tmp/f", "/tmp/f",
            "-n", "-1", "+2", "-c", "-e", "-eq", "-lt", "!", "'a b'", "\"q\"", "*", "?", "/etc/*", "\\", "-",
            "99999999999999999999", "-9223372036854775808", "0x", "\n", "#", "EOF", "<<EOF");

    static Arbitrary<String> shellPrograms() {
        return Arbitraries.of(SH_TOKENS).list().ofMinSize(1).ofMaxSize(14).map(l -> String.join(" ", l));
    }

    private static String join(List<String> words) {
        StringBuilder sb = new StringBuilder();
        words.forEach(w -> sb.append(w.isEmpty() ? "" : " ").append(w));
        return sb.toString();
    }

    /** A word as sh reads it back: quoted when it has anything sh would split or expand. */
    static String quote(String s) {
        if (s.matches("[A-Za-z0-9_./:=,@%+-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
