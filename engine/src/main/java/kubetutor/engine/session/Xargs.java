package kubetutor.engine.session;

import kubetutor.engine.command.CommandInput;
import kubetutor.engine.command.Words;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code kubectl get pods -o name | xargs kubectl delete}: xargs at the end of a session pipeline
 * runs session commands (kubectl above all) with the words it reads, as GNU xargs does: -n MAX,
 * -I REPLACE (one command a line), -r (nothing for no input; without it the command runs once),
 * -t (each command on standard error first); its status 123 when a command failed, as GNU's.
 */
final class Xargs extends CapturedStdout {
    /** Where a pipeline's last stage is xargs: what comes before it (null for nothing) and its words. */
    record Split(String before, List<String> words) {}

    private final List<String> options;
    private final Sink next;
    private final Function<List<String>, Integer> runner;

    Xargs(List<String> words, Sink next, Function<List<String>, Integer> runner) {
        super(next);
        this.options = words;
        this.next = next;
        this.runner = runner;
    }

    /** The pipeline split before its last stage when that stage is xargs; null when it is not. */
    static Split split(String pipeline) {
        Words.Result r = Words.split(pipeline);
        int lastBar = -1;
        for (int i = 0; i < r.words().size(); i++) {
            if (r.operator().get(i) && r.words().get(i).equals("|")) {
                lastBar = i;
            } else if (r.operator().get(i)) {
                return null; // a list inside the pipeline text: leave it to sh
            }
        }
        List<String> last = r.words().subList(lastBar + 1, r.words().size());
        if (last.isEmpty() || !last.get(0).equals("xargs")) {
            return null;
        }
        String before = lastBar < 0 ? null : pipeline.substring(0, r.starts().get(lastBar));
        return new Split(before, List.copyOf(last.subList(1, last.size())));
    }

    int close() {
        int maxArgs = Integer.MAX_VALUE;
        String replace = null;
        boolean noEmpty = false;
        boolean trace = false;
        int i = 0;
        for (; i < options.size() && options.get(i).startsWith("-"); i++) {
            String o = options.get(i);
            if (o.equals("-r") || o.equals("--no-run-if-empty")) {
                noEmpty = true;
            } else if (o.equals("-t") || o.equals("--verbose")) {
                trace = true;
            } else if (o.startsWith("-n") || o.startsWith("-I")) {
                String v = o.length() > 2 ? o.substring(2) : i + 1 < options.size() ? options.get(++i) : null;
                if (v == null) {
                    return usage("xargs: option requires an argument -- '" + o.charAt(1) + "'");
                }
                if (o.startsWith("-I")) {
                    replace = v;
                } else if (!v.matches("[0-9]{1,9}") || Integer.parseInt(v) == 0) {
                    return usage("xargs: invalid number \"" + v + "\" for -n option");
                } else {
                    maxArgs = Integer.parseInt(v);
                }
            } else {
                return usage("xargs: invalid option -- '" + o.substring(1) + "'");
            }
        }
        List<String> command = options.subList(i, options.size()).isEmpty() ? List.of("echo") : options.subList(i, options.size());
        List<List<String>> runs = new ArrayList<>();
        if (replace != null) {
            for (String line : text().split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String item = line.strip();
                String r = replace;
                runs.add(command.stream().map(w -> w.replace(r, item)).toList());
            }
        } else {
            List<String> items = text().isBlank() ? List.of() : List.of(text().strip().split("\\s+"));
            for (int from = 0; from < items.size(); from += maxArgs) {
                List<String> words = new ArrayList<>(command);
                words.addAll(items.subList(from, (int) Math.min(items.size(), (long) from + maxArgs)));
                runs.add(words);
            }
            if (items.isEmpty() && !noEmpty) {
                runs.add(command);
            }
        }
        int status = 0;
        for (List<String> words : runs) {
            if (trace) {
                next.emit(Output.Error.of(String.join(" ", words)));
            }
            int s = runner.apply(words);
            if (s == 127) {
                return 127;
            }
            if (s != 0) {
                status = 123;
            }
        }
        return status;
    }

    private int usage(String message) {
        next.emit(Output.Error.of(message + "\nTry 'xargs --help' for more information."));
        return 1;
    }

    /** A command xargs runs: the words it built, nothing else of the line around it. */
    static CommandInput command(List<String> words) {
        return new CommandInput(words, null, null, false, String.join(" ", words), CommandInput.When.ALWAYS, false, null);
    }
}
