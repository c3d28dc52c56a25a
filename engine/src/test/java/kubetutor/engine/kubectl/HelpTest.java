package kubetutor.engine.kubectl;

import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.command.Words;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Help must tell the truth about kubetutor: every command in the table has kubectl's help page,
 * the page lists exactly the flags the command accepts, its examples use only those flags, and the
 * command lists show every subcommand with the summary the table gives it.
 */
class HelpTest {
    /**
     * kubectl's global flags that kubetutor does not take: impersonation (--as) has no meaning with
     * one admin user, and a page that shows it keeps kubectl's text; using it gets pflag's unknown flag.
     */
    private static final Set<String> UNSIMULATED_GLOBALS = Set.of("as");
    private static final Pattern OPTION = Pattern.compile("(?m)^    (?:-(\\w), )?--([\\w-]+)=");

    @TestFactory
    Stream<DynamicTest> everyCommandsHelpMatchesItsTable() {
        CommandSpec kubectl = new Kubectl().spec();
        List<List<CommandSpec>> paths = new ArrayList<>();
        for (CommandSpec verb : kubectl.subcommands()) {
            paths.add(List.of(kubectl, verb));
            for (CommandSpec sub : verb.subcommands()) {
                paths.add(List.of(kubectl, verb, sub));
            }
        }
        return paths.stream().map(path -> DynamicTest.dynamicTest(name(path), () -> check(path)));
    }

    private static void check(List<CommandSpec> path) {
        CommandSpec spec = path.get(path.size() - 1);
        List<String> words = path.subList(1, path.size()).stream().map(CommandSpec::name).toList();
        HelpPage page = HelpPage.load(words).orElseThrow(() -> new AssertionError("no help page for " + name(path)));
        String help = Help.command(path);
        Set<String> listed = new TreeSet<>();
        Matcher m = OPTION.matcher(help);
        while (m.find()) {
            listed.add(m.group(2));
            FlagSpec f = flag(spec, m.group(2));
            assertEquals(f.shorthand(), m.group(1), "shorthand of --" + f.name());
        }
        // deprecated flags (--record) work but are hidden, as pflag hides them
        Set<String> own = new TreeSet<>(spec.flags().stream().filter(FlagSpec::listed).map(FlagSpec::name).toList());
        if (page.flags().isPresent()) {
            assertEquals(own, new TreeSet<>(page.flags().get().keySet()), "flags described in the page");
            assertEquals(own, listed, "flags listed under Options");
        } else {
            // kubectl config has no flags of its own: the table gives it its subcommands' flags to parse.
            assertEquals(Set.of(), listed);
            Set<String> subs = new TreeSet<>();
            spec.subcommands().forEach(s -> s.flags().forEach(f -> subs.add(f.name())));
            assertTrue(subs.containsAll(own), "config's flags are its subcommands' " + own);
        }
        for (String line : page.examples()) {
            if (!line.startsWith("#") && !line.isEmpty()) {
                checkExample(spec, line);
            }
        }
        for (CommandSpec sub : spec.subcommands()) {
            assertTrue(help.contains("\n  " + sub.name() + " ") && rowOf(help, sub.name()).endsWith(" " + sub.summary()),
                    "subcommand row of " + sub.name());
        }
    }

    /**
     * An example must run in kubetutor: one kubectl command (no pipes, no globs), with flags the
     * command has and, for flags with a closed set of values, one of those.
     */
    private static void checkExample(CommandSpec spec, String line) {
        if (!line.startsWith("kubectl ")) {
            return; // a shell step around kubectl ("source <(kubectl completion bash)", "printf ...")
        }
        // kubectl's own pages pipe and redirect ("kubectl completion bash > FILE", "kubectl get ... | kubectl
        // replace -f -"); the kubectl command in front is what must run here, the shell around it is the learner's.
        String command = line.split(" [|>] ", 2)[0];
        assertTrue(!command.replace("'*'", "").contains("*"), "an unquoted glob: " + line);
        List<String> words = Words.split(command).words();
        // a pipeline may start with another command (set selector's page pipes create service into it): that one's page checks it
        if (words.size() < 2 || !words.subList(1, Math.min(3, words.size())).contains(spec.name())) {
            return;
        }
        // a verb's page may show its subcommands at work ("kubectl rollout restart ... --selector=...")
        if (words.size() > 2 && spec.subcommand(words.get(2)).isPresent()) {
            spec = spec.subcommand(words.get(2)).get();
        }
        for (int i = 1; i < words.size() && !words.get(i).equals("--"); i++) {
            String word = words.get(i);
            if (!word.startsWith("-")) {
                continue;
            }
            boolean shorthand = !word.startsWith("--");
            // pflag takes a shorthand's value attached too ("kubectl events -oyaml")
            String[] nameValue = shorthand && word.length() > 2 && word.charAt(2) != '='
                    ? new String[] {word.substring(1, 2), word.substring(2)}
                    : word.replaceFirst("^--?", "").split("=", 2);
            if (UNSIMULATED_GLOBALS.contains(nameValue[0])) {
                continue;
            }
            FlagSpec flag = allFlags(spec).stream()
                    .filter(f -> nameValue[0].equals(shorthand ? f.shorthand() : f.name())).findFirst()
                    .orElseThrow(() -> new AssertionError("example uses a flag kubetutor lacks: " + line));
            String value = nameValue.length > 1 ? nameValue[1] : flag.takesValue() ? words.get(++i) : null;
            if (value != null && !flag.choices().isEmpty()) {
                assertTrue(flag.choices().contains(value.split("=", 2)[0]), "example uses a value kubetutor lacks: " + line);
            }
        }
    }

    @Test
    void theOverviewListsEveryVerbWithItsSummary() {
        CommandSpec kubectl = new Kubectl().spec();
        String overview = Help.kubectlOverview(kubectl);
        for (CommandSpec verb : kubectl.subcommands()) {
            assertTrue(rowOf(overview, verb.name()).endsWith(" " + verb.summary()), verb.name());
        }
        assertTrue(!overview.contains("\n  certificate "), "a command kubetutor lacks is not offered");
    }

    @Test
    void defaultsArePrintedAsPflagPrintsThem() {
        Map<FlagSpec, String> cases = Map.of(
                FlagSpec.value("container", "c", ValueKind.TEXT, "", "x"), "''",
                FlagSpec.value("field-manager", null, ValueKind.TEXT, "kubectl-create", "x"), "'kubectl-create'",
                FlagSpec.bool("stdin", "i", "x"), "false",
                FlagSpec.bool("wait", null, "x").withDefault("true"), "true",
                FlagSpec.value("pod-running-timeout", null, ValueKind.DURATION, "1m0s", "x"), "1m0s",
                FlagSpec.value("tail", null, ValueKind.TEXT, "-1", "x"), "-1",
                FlagSpec.many("filename", "f", ValueKind.FILE, "x"), "[]",
                FlagSpec.many("address", null, ValueKind.TEXT, "x").withDefault("[localhost]"), "[localhost]");
        cases.forEach((flag, shown) -> assertEquals(shown, Help.shownDefault(flag), flag.name()));
    }

    private static String rowOf(String help, String name) {
        for (String line : help.split("\n")) {
            if (line.startsWith("  " + name + " ")) {
                return line;
            }
        }
        throw new AssertionError("no row for " + name + " in\n" + help);
    }

    private static List<FlagSpec> allFlags(CommandSpec spec) {
        return spec.allFlags(GlobalFlags.ALL);
    }

    private static FlagSpec flag(CommandSpec spec, String name) {
        return spec.flags().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("help lists --" + name + ", which " + spec.name() + " lacks"));
    }

    private static String name(List<CommandSpec> path) {
        return String.join(" ", path.stream().map(CommandSpec::name).toList());
    }
}
