package kubetutor.engine.complete;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.session.Session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The values a flag or argument of some {@link ValueKind} may take, here and now. */
final class Values {
    private final Session session;
    private final CommandLine line;

    Values(Session session, CommandLine line) {
        this.session = session;
        this.line = line;
    }

    List<Candidate> forFlag(FlagSpec flag, String word) {
        if (!flag.choices().isEmpty()) {
            // "jsonpath=" and "custom-columns=" go on with a template: no space after them.
            return flag.choices().stream().map(c -> new Candidate(c, "", !c.endsWith("="))).toList();
        }
        return of(flag.value(), word);
    }

    List<Candidate> of(ValueKind kind, String word) {
        return switch (kind) {
            case OUTPUT_FORMAT -> List.of(Candidate.of("json"), Candidate.of("yaml"), Candidate.of("name"), Candidate.of("wide"),
                    new Candidate("jsonpath=", "", false), new Candidate("custom-columns=", "", false));
            case NAMESPACE -> names(ResourceTypes.NAMESPACE, null);
            case NODE -> names(ResourceTypes.NODE, null);
            case POD -> names(ResourceTypes.POD, namespace());
            case RESOURCE_TYPE -> types();
            case OBJECT_NAME -> objectNames();
            case CONTEXT -> session.kubeconfig().contexts().keySet().stream().map(Candidate::of).toList();
            case FILE -> files(word);
            case SERVICE_TYPE -> words("ClusterIP", "NodePort", "LoadBalancer", "ExternalName");
            case RESTART_POLICY -> words("Always", "OnFailure", "Never");
            case SORT_FIELD -> words(".metadata.name", ".metadata.creationTimestamp");
            case KEY_VALUE -> List.of();
            case HELP_TOPIC -> helpTopics();
            case LESSON -> lessons();
            case LANGUAGE -> words("en", "ko");
            case NONE, TEXT, INT32, DURATION, LABEL_SELECTOR -> List.of();
        };
    }

    /** Lesson ids with their titles, and "stop" while one runs. */
    private List<Candidate> lessons() {
        var tutor = session.tutor();
        List<Candidate> ids = new ArrayList<>();
        for (String id : tutor.curriculum().ids()) {
            String title = "";
            try {
                title = tutor.curriculum().find(id).map(l -> l.title().in(tutor.language())).orElse("");
            } catch (kubetutor.engine.lesson.LessonException e) {
                // a broken lesson still completes; starting it says what is wrong
            }
            ids.add(new Candidate(id, title, true));
        }
        if (tutor.promptStep().isPresent()) {
            ids.add(Candidate.of("stop"));
        }
        return ids;
    }

    private List<Candidate> helpTopics() {
        List<Candidate> topics = new ArrayList<>();
        for (var command : session.commands()) {
            topics.add(new Candidate(command.name(), command.summary(), true));
            if (command.name().equals("kubectl")) {
                command.subcommands().forEach(verb -> topics.add(new Candidate(verb.name(), verb.summary(), true)));
            }
        }
        return topics;
    }

    /** kubectl's {@code TYPE/NAME} form: the names of that type, each with the type as typed. */
    List<Candidate> typeSlashName(String word) {
        int slash = word.indexOf('/');
        Optional<ResourceType> type = ResourceTypes.find(word.substring(0, slash));
        if (type.isEmpty()) {
            return List.of();
        }
        String prefix = word.substring(0, slash + 1);
        return names(type.get(), namespace()).stream().map(c -> Candidate.of(prefix + c.value())).toList();
    }

    /**
     * Types by their plural (what kubectl's own completion offers: "po" and "pod" lead to "pods"), and
     * the short names that are not a prefix of it ("svc", "rc", "ns"), since a candidate must start
     * with what is typed.
     */
    private static List<Candidate> types() {
        List<Candidate> out = new ArrayList<>();
        for (ResourceType t : ResourceTypes.ALL_TYPES) {
            out.add(new Candidate(t.plural(), t.kind(), true));
            for (String s : t.shortNames()) {
                if (!t.plural().startsWith(s)) {
                    out.add(new Candidate(s, t.kind(), true));
                }
            }
        }
        out.add(new Candidate("all", "every kind in the 'all' category", true));
        return out;
    }

    private List<Candidate> objectNames() {
        if (line.positionals().isEmpty()) {
            return List.of();
        }
        String first = line.positionals().get(0);
        if (first.contains("/") || first.contains(",")) {
            return List.of();
        }
        return ResourceTypes.find(first).map(t -> names(t, namespace())).orElse(List.of());
    }

    /** The namespace the line talks about: -n/--namespace, every one with -A, else the context's. */
    private String namespace() {
        if (line.uses("all-namespaces")) {
            return null;
        }
        String n = line.value("namespace");
        return n != null ? n : session.namespace();
    }

    private List<Candidate> names(ResourceType type, String namespace) {
        List<Candidate> out = new ArrayList<>();
        for (ObjectNode o : session.cluster().store().list(type, namespace)) {
            out.add(Candidate.of(Meta.name(o)));
        }
        return out;
    }

    private static List<Candidate> words(String... values) {
        return Stream.of(values).map(Candidate::of).toList();
    }

    /** Workspace files and directories under what is typed so far; directories end in "/" and take no space. */
    private List<Candidate> files(String word) {
        int slash = word.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : word.substring(0, slash + 1);
        String namePart = word.substring(slash + 1);
        Path dir = session.resolve(dirPart.isEmpty() ? "." : dirPart);
        List<Candidate> out = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(p -> {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && !namePart.startsWith(".")) {
                    return;
                }
                boolean isDir = Files.isDirectory(p);
                out.add(new Candidate(dirPart + name + (isDir ? "/" : ""), "", !isDir));
            });
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }
}
