package kubetutor.engine.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.command.UsageException;

import java.util.ArrayList;
import java.util.List;

/**
 * The objects a rollout, set or patch command names, as kubectl's resource builder finds them
 * with {@code Latest()}: TYPE NAME..., TYPE/NAME..., a bare TYPE with -l or --all, or the objects
 * of -f files read back from the server. An object that is not there is an error of its own; the
 * others are still found (ContinueOnError).
 */
public final class Targets {
    private Targets() {}

    /** An object found, as the server has it now. */
    public record Target(ResourceType type, ObjectNode object) {
        public String namespace() {
            return Meta.namespace(object);
        }

        public String name() {
            return Meta.name(object);
        }

        /** "deployment.apps/web", as the name printer writes it. */
        public String ref() {
            return type.qualifiedKindLower() + "/" + name();
        }
    }

    /** The builder's error when neither a resource nor a file is given. */
    public static final String NONE_GIVEN = "error: You must provide one or more resources by argument or filename.\n"
            + "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
            + "   '<resource> <name>'\n   '<resource>'";

    /** What was found, and the server's error for each object that was not. */
    public record Found(List<Target> targets, List<ApiException> errors) {}

    /**
     * @param words          the positional words naming resources
     * @param bareTypeIsAll  whether a TYPE without names selects every object of it (rollout's
     *                       builders allow an empty selector; set's only with --all)
     */
    public static Found resolve(Invocation inv, List<String> words, boolean bareTypeIsAll) {
        List<Target> targets = new ArrayList<>();
        List<ApiException> errors = new ArrayList<>();
        if (!inv.args().all("filename").isEmpty()) {
            for (Manifests.Doc doc : Manifests.read(inv)) {
                if (doc.error() != null) {
                    throw new UsageException("error: " + doc.error());
                }
                ResourceType type = ObjectWrites.typeOf(doc);
                ObjectNode obj = ObjectWrites.withNamespace(type, doc.object(), inv);
                latest(inv, type, Meta.namespace(obj), Meta.name(obj), targets, errors);
            }
        }
        boolean bySelection = bareTypeIsAll || inv.args().bool("all") || inv.args().has("selector");
        ObjectQuery query = ObjectQuery.of(inv);
        for (ResourceArgs.Request req : ResourceArgs.parse(words)) {
            if (req.names().isEmpty() && !bySelection) {
                throw new UsageException("error: resource(s) were provided, but no name was specified");
            }
            if (req.names().isEmpty()) {
                for (JsonNode o : query.find(req).objects()) {
                    targets.add(new Target(req.type(), (ObjectNode) o));
                }
                continue;
            }
            for (String name : req.names()) {
                latest(inv, req.type(), inv.namespace(), name, targets, errors);
            }
        }
        return new Found(targets, errors);
    }

    private static void latest(Invocation inv, ResourceType type, String namespace, String name, List<Target> targets,
                               List<ApiException> errors) {
        ObjectNode o = inv.cluster().store().get(type, namespace, name);
        if (o == null) {
            errors.add(ApiException.notFound(type, name));
        } else {
            targets.add(new Target(type, o));
        }
    }
}
