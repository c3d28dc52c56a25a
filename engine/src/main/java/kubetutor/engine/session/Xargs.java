package kubetutor.engine.session;

import kubetutor.engine.command.CommandInput;
import kubetutor.engine.command.Words;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code kubectl get pods -o name | xargs kubectl delete}: xargs in a session pipeline runs session
 * commands (kubectl above all) with the words it reads ({@link XargsInput}), as GNU xargs does, into
 * the pipeline's next stage: -n MAX, -L LINES, -I REPLACE (one command a line), -0 and -d DELIM,
 * -r (nothing for no input; without it the command runs once), -t (each command on standard error
 * first), -P (accepted: the output is the same); its status 123 when a command failed, as GNU's.
 */
final class Xargs extends CapturedStdout implements PipeStage {
    /**
     * A pipeline's first xargs stage: the filters before it (null for none), its words, and the
     * stages after it (null for none), which get what the commands it runs print.
     */
    record Split(String before, List<String> words, String after) {}

    private final List<String> options;
    private final Sink next;
    private final Function<List<String>, Integer> runner;

    Xargs(List<String> words, Sink next, Function<List<String>, Integer> runner) {
        super(next);
        this.options = words;
        this.next = next;
        this.runner = runner;
    }

    /** The pipeline split around its first xargs stage; null when it has none. */
    static Split split(String pipeline) {
        Words.Result r = Words.split(pipeline);
        List<Integer> bars = new ArrayList<>();
        for (int i = 0; i < r.words().size(); i++) {
            if (r.operator().get(i) && r.words().get(i).equals("|")) {
                bars.add(i);
            } else if (r.operator().get(i)) {
                return null; // a list inside the pipeline text: leave it to sh
            }
        }
        bars.add(r.words().size());
        int from = 0;
        for (int bar : bars) {
            if (from < bar && r.words().get(from).equals("xargs")) {
                String before = from == 0 ? null : pipeline.substring(0, r.starts().get(from - 1));
                String after = bar == r.words().size() ? null : pipeline.substring(r.starts().get(bar + 1));
                return new Split(before, List.copyOf(r.words().subList(from + 1, bar)), after);
            }
            from = bar + 1;
        }
        return null;
    }

    @Override
    public int close() {
        int maxArgs = Integer.MAX_VALUE;
        int maxLines = 0;
        String replace = null;
        Character delimiter = null;
        boolean noEmpty = false;
        boolean trace = false;
        int i = 0;
        for (; i < options.size() && options.get(i).startsWith("-") && options.get(i).length() > 1; i++) {
            String o = options.get(i);
            if (o.equals("--")) {
                i++;
                break;
            } else if (o.equals("-r") || o.equals("--no-run-if-empty")) {
                noEmpty = true;
            } else if (o.equals("-t") || o.equals("--verbose")) {
                trace = true;
            } else if (o.equals("-0") || o.equals("--null")) {
                delimiter = '\0';
            } else if (o.length() >= 2 && "nILdP".indexOf(o.charAt(1)) >= 0) {
                char flag = o.charAt(1);
                String v = o.length() > 2 ? o.substring(2) : i + 1 < options.size() ? options.get(++i) : null;
                if (v == null) {
                    return usage("xargs: option requires an argument -- '" + flag + "'");
                }
                switch (flag) {
                    case 'I' -> replace = v;
                    case 'd' -> delimiter = v.equals("\\n") ? '\n' : v.equals("\\t") ? '\t' : v.charAt(0);
                    case 'P' -> { } // one command at a time or several: the same output here, in order
                    default -> {
                        if (!v.matches("[0-9]{1,9}")) {
                            return usage("xargs: invalid number \"" + v + "\" for -" + flag + " option");
                        }
                        if (Integer.parseInt(v) == 0) {
                            return usage("xargs: value 0 for -" + flag + " option should be >= 1");
                        }
                        if (flag == 'n') {
                            maxArgs = Integer.parseInt(v);
                        } else {
                            maxLines = Integer.parseInt(v);
                        }
                    }
                }
            } else {
                return usage("xargs: invalid option -- '" + o.substring(1, 2) + "'");
            }
        }
        List<String> command = options.subList(i, options.size()).isEmpty() ? List.of("echo") : options.subList(i, options.size());
        List<List<String>> runs = new ArrayList<>();
        String refused = null;
        try {
            if (replace != null) {
                // -I: a command a line, its leading blanks dropped, each REPLACE in the words the line
                for (String line : delimiter != null ? XargsInput.delimited(text(), delimiter) : List.of(text().split("\n"))) {
                    String item = line.stripLeading();
                    if (!item.isEmpty()) {
                        String r = replace;
                        runs.add(command.stream().map(w -> w.replace(r, item)).toList());
                    }
                }
            } else if (maxLines > 0 && delimiter == null) {
                List<List<String>> lines = XargsInput.lines(text());
                for (int from = 0; from < lines.size(); from += maxLines) {
                    List<String> words = new ArrayList<>(command);
                    lines.subList(from, Math.min(lines.size(), from + maxLines)).forEach(words::addAll);
                    runs.add(words);
                }
            } else {
                List<String> items;
                if (delimiter != null) {
                    items = XargsInput.delimited(text(), delimiter);
                } else {
                    items = new ArrayList<>();
                    for (String line : text().split("\n")) {
                        items.addAll(XargsInput.words(line));
                    }
                }
                chunks(command, items, maxArgs, runs);
            }
        } catch (XargsInput.Unmatched u) {
            chunks(command, u.before, maxArgs, runs);
            refused = u.getMessage();
        }
        if (runs.isEmpty() && !noEmpty && refused == null) {
            runs.add(command); // GNU runs the command once, without arguments, for no input
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
        if (refused != null) {
            next.emit(Output.Error.of(refused));
            return 1;
        }
        return status;
    }

    private static void chunks(List<String> command, List<String> items, int maxArgs, List<List<String>> runs) {
        for (int from = 0; from < items.size(); from += maxArgs) {
            List<String> words = new ArrayList<>(command);
            words.addAll(items.subList(from, (int) Math.min(items.size(), (long) from + maxArgs)));
            runs.add(words);
        }
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
