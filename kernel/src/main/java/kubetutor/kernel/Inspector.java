package kubetutor.kernel;

import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.api.schema.Explainer;
import kubetutor.engine.api.schema.Schema;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.complete.CommandLine;
import kubetutor.engine.complete.LineWord;
import kubetutor.engine.session.Session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shift-Tab help (inspect_request) for what is under the cursor. A resource type on a command line,
 * or a key in a manifest (a manifest cell, a {@code %%file} cell or a here-document), is answered
 * with what {@code kubectl explain} prints for it, the field's path read from the indentation. A
 * command, subcommand or flag is answered from the command table (kubectl explain does not cover
 * those).
 */
final class Inspector {
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*(['\"]?)([A-Za-z0-9_]+)\\1");

    private final Session session;
    private final Explainer explainer = new Explainer(Schema.standard());

    Inspector(Session session) {
        this.session = session;
    }

    /** Help for what is at {@code cursor} in the cell, or empty when there is nothing to say. */
    Optional<String> inspect(String code, int cursor) {
        int at = Math.min(Math.max(cursor, 0), code.length());
        List<String> lines = Arrays.asList(code.split("\n", -1));
        int index = code.substring(0, at).split("\n", -1).length - 1;
        int column = at - (code.lastIndexOf('\n', at - 1) + 1);
        int[] yaml = yamlRegion(code, lines, index);
        if (yaml != null) {
            return manifest(lines, yaml, index);
        }
        return commandLine(lines.get(index), column);
    }

    /** The lines {@code [start, end)} that hold YAML, if line {@code index} is one of them; else null. */
    private static int[] yamlRegion(String code, List<String> lines, int index) {
        if (CellRunner.isManifest(code)) {
            return new int[] {0, lines.size()};
        }
        if (code.stripLeading().startsWith("%%file")) {
            int first = 0;
            while (!lines.get(first).strip().startsWith("%%file")) {
                first++;
            }
            return index > first ? new int[] {first + 1, lines.size()} : null;
        }
        // Here-documents: from the line after "<< END" up to the line that is END.
        for (int i = 0; i < index; i++) {
            Matcher m = HEREDOC.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().equals(m.group(2))) {
                end++;
            }
            if (index > i && index < end) {
                return new int[] {i + 1, end};
            }
            i = end;
        }
        return null;
    }

    private Optional<String> manifest(List<String> lines, int[] region, int index) {
        int[] doc = ManifestPath.document(lines, region[0], region[1], index);
        Optional<String> kind = ManifestPath.kindOn(lines.get(index));
        if (kind.isPresent() && ResourceTypes.find(kind.get()).isPresent()) {
            return explain(kind.get());
        }
        return ManifestPath.at(lines, doc[0], doc[1], index).flatMap(this::explain);
    }

    private Optional<String> commandLine(String line, int column) {
        List<LineWord> words = LineWord.split(line);
        int i = 0;
        while (i < words.size() && words.get(i).end() < column) {
            i++;
        }
        if (i == words.size() || words.get(i).start() > column) {
            return Optional.empty();
        }
        CommandLine walked = CommandLine.walk(session.commands(), words.subList(0, i + 1));
        CommandLine.Token token = walked.tokens().get(i);
        String text = token.word().text();
        return switch (token.role()) {
            case COMMAND, SUBCOMMAND -> Optional.of(commandPath(walked) + ": " + walked.spec().summary() + "\n");
            case FLAG -> flag(walked, text);
            case RESOURCE -> resource(text);
            default -> Optional.empty();
        };
    }

    /** A word where a resource goes: "pods", "pods/web", "pods,services", or an explain path "pod.spec". */
    private Optional<String> resource(String word) {
        String first = word.split("[,/]")[0];
        Optional<String> direct = explain(first);
        if (direct.isPresent()) {
            return direct;
        }
        // "deployments.apps" names a type but is no field path.
        return ResourceTypes.find(first).flatMap(t -> explain(t.plural()));
    }

    private Optional<String> explain(String path) {
        try {
            return explainer.explain(path);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a served type without a schema
        }
    }

    private static String commandPath(CommandLine walked) {
        List<String> names = new ArrayList<>();
        names.add(walked.root().name());
        for (CommandLine.Token t : walked.tokens()) {
            if (t.role() == CommandLine.Role.SUBCOMMAND) {
                names.add(t.word().text());
            }
        }
        return String.join(" ", names);
    }

    private static Optional<String> flag(CommandLine walked, String word) {
        String name = word.replaceFirst("^--?", "").replaceFirst("=.*", "");
        boolean shorthand = !word.startsWith("--");
        for (FlagSpec f : walked.flags()) {
            boolean matches = f.name().equals(name) || shorthand && f.shorthand() != null && name.startsWith(f.shorthand());
            if (matches) {
                return Optional.of(commandPath(walked) + " --" + f.name() + (f.shorthand() == null ? "" : ", -" + f.shorthand())
                        + ": " + f.usage() + "\n");
            }
        }
        return Optional.empty();
    }
}
