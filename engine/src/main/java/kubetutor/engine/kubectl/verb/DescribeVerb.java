package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.ObjectQuery;
import kubetutor.engine.kubectl.ResourceArgs;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.kubectl.describe.DescribeContext;
import kubetutor.engine.kubectl.describe.Describer;
import kubetutor.engine.kubectl.describe.Describers;
import kubetutor.engine.output.Output;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * kubectl describe: by name, TYPE/NAME, -l, all of a type, or (kubectl's fallback for "TYPE NAME"
 * when NAME does not exist) every object whose name starts with NAME.
 */
public final class DescribeVerb implements Verb {
    private static final CommandSpec SPEC = CommandSpec.of("describe", "Show details of a specific resource or group of resources", List.of(
            FlagSpec.value("selector", "l", ValueKind.LABEL_SELECTOR, "", "Selector (label query) to filter on"),
            FlagSpec.bool("all-namespaces", "A", "If present, list the requested object(s) across all namespaces."),
            new FlagSpec("show-events", null, ValueKind.NONE, "true", "If true, display events related to the described object.", List.of(), false),
            FlagSpec.value("chunk-size", null, ValueKind.TEXT, "500", "Return large lists in chunks rather than all at once.")),
            ValueKind.RESOURCE_TYPE, ValueKind.OBJECT_NAME);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        List<String> args = inv.args().positional();
        if (args.isEmpty()) {
            throw new UsageException("error: You must specify the type of resource to describe. "
                    + "Use \"kubectl api-resources\" for a complete list of supported resources.");
        }
        List<ResourceArgs.Request> requests = ResourceArgs.parse(args);
        ObjectQuery query = ObjectQuery.of(inv);
        DescribeContext ctx = new DescribeContext(inv.cluster().store(), inv.now(),
                !"false".equals(inv.args().get("show-events", "true")));
        List<String> texts = new ArrayList<>();
        Set<String> errors = new LinkedHashSet<>();
        for (ResourceArgs.Request req : requests) {
            Describer describer = Describers.forType(req.type()).orElseThrow(() -> new UsageException(
                    "error: kubetutor cannot describe " + req.type().plural() + " yet"));
            ObjectQuery.Found found = query.find(req);
            if (!found.missing().isEmpty() && args.size() == 2 && !args.get(0).contains("/")) {
                return describeByPrefix(inv, ctx, describer, req, found.missing());
            }
            for (JsonNode o : found.objects()) {
                texts.add(describer.describe(o, ctx));
            }
            errors.addAll(found.missing());
        }
        if (texts.isEmpty() && errors.isEmpty()) {
            // kubectl names the namespace even for cluster-scoped kinds here.
            inv.sink().emit(Output.Error.info(inv.args().bool("all-namespaces") ? "No resources found"
                    : "No resources found in " + inv.namespace() + " namespace."));
        }
        if (!texts.isEmpty()) {
            // kubectl writes the first description, then "\n\n" before each further one.
            inv.sink().emit(new Output.Text(String.join("\n\n", texts), Output.TextKind.DESCRIBE));
        }
        for (String e : errors) {
            inv.sink().emit(Output.Error.of(e));
        }
        return errors.isEmpty() ? 0 : 1;
    }

    /**
     * kubectl's DescribeMatchingResources: "describe pods web" with no pod named web describes every
     * pod whose name starts with "web", each followed by an empty line; if none does, the original
     * NotFound error stands.
     */
    private int describeByPrefix(Invocation inv, DescribeContext ctx, Describer describer, ResourceArgs.Request req,
                                 List<String> notFound) {
        String prefix = req.names().get(0);
        StringBuilder out = new StringBuilder();
        for (JsonNode o : inv.cluster().store().list(req.type(), inv.namespace())) {
            if (Meta.name(o).startsWith(prefix)) {
                out.append(describer.describe(o, ctx)).append('\n');
            }
        }
        if (out.length() == 0) {
            notFound.forEach(e -> inv.sink().emit(Output.Error.of(e)));
            return 1;
        }
        inv.sink().emit(new Output.Text(out.toString(), Output.TextKind.DESCRIBE));
        return 0;
    }
}
