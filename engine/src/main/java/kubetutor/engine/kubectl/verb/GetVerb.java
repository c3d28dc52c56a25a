package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.WatchEvent;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.Formats;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.ObjectQuery;
import kubetutor.engine.kubectl.ResourceArgs;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.kubectl.printer.TablePrinter;
import kubetutor.engine.kubectl.printer.TemplateOutput;
import kubetutor.engine.output.Output;
import kubetutor.engine.sim.WatchWindow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** kubectl get: tables, -o yaml|json|name|wide, selectors, -A, and -w watches. */
public final class GetVerb implements Verb {
    private static final CommandSpec SPEC = CommandSpec.of("get", "Display one or many resources", List.of(
            FlagSpec.choice("output", "o", "", "Output format. One of: (json, yaml, name, wide, custom-columns, ...).",
                    "json", "yaml", "name", "wide", "jsonpath=", "custom-columns="),
            TemplateOutput.ALLOW_MISSING_KEYS,
            TemplateOutput.TEMPLATE,
            FlagSpec.bool("watch", "w", "After listing/getting the requested object, watch for changes."),
            FlagSpec.bool("watch-only", null, "Watch for changes to the requested object(s), without listing/getting first."),
            FlagSpec.bool("output-watch-events", null, "Output watch event objects when --watch or --watch-only is used."),
            FlagSpec.value("selector", "l", ValueKind.LABEL_SELECTOR, "", "Selector (label query) to filter on"),
            FlagSpec.value("field-selector", null, ValueKind.TEXT, "", "Selector (field query) to filter on"),
            FlagSpec.bool("all-namespaces", "A", "If present, list the requested object(s) across all namespaces."),
            FlagSpec.bool("show-labels", null, "When printing, show all labels as the last column."),
            FlagSpec.many("label-columns", "L", ValueKind.TEXT, "Accepts a comma separated list of labels that are going to be presented as columns."),
            FlagSpec.bool("no-headers", null, "When using the default or custom-column output format, don't print headers."),
            FlagSpec.value("sort-by", null, ValueKind.SORT_FIELD, "", "If non-empty, sort list types using this field specification."),
            FlagSpec.many("filename", "f", ValueKind.FILE, "Filename, directory, or URL to files identifying the resource to get from a server."),
            FlagSpec.bool("show-kind", null, "If present, list the resource type for the requested object(s)."),
            FlagSpec.bool("ignore-not-found", null, "If the requested object does not exist the command will return exit code 0."),
            FlagSpec.value("chunk-size", null, ValueKind.TEXT, "500", "Return large lists in chunks rather than all at once.")),
            ValueKind.RESOURCE_TYPE, ValueKind.OBJECT_NAME);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        String output = inv.args().get("output", "");
        boolean template = TemplateOutput.isJsonPath(output) || TemplateOutput.isColumns(output);
        if (!output.isEmpty() && !template && !List.of("json", "yaml", "name", "wide").contains(output)) {
            throw new UsageException("error: unable to match a printer suitable for the output format \"" + output
                    + "\", allowed formats are: " + TemplateOutput.GET_FORMATS);
        }
        TemplateOutput templateOutput = template ? TemplateOutput.of(inv, output) : null;
        List<ResourceArgs.Request> requests = ObjectQuery.requests(inv);
        if (requests.isEmpty()) {
            throw new UsageException("You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\n"
                    + "error: Required resource not specified.\n"
                    + "Use \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\n"
                    + "See 'kubectl get -h' for help and examples");
        }
        boolean watch = inv.args().bool("watch") || inv.args().bool("watch-only");
        // yaml, json and the template printers print one document (kubectl's "generic" printing), not tables.
        boolean generic = template || output.equals("yaml") || output.equals("json");
        ObjectQuery query = ObjectQuery.of(inv);
        TablePrinter printer = new TablePrinter(inv, requests.size() > 1 || inv.args().bool("show-kind"));
        int status = 0;
        boolean printedAny = false;
        List<String> missing = new ArrayList<>();
        if (!inv.args().bool("watch-only")) {
            List<JsonNode> all = new ArrayList<>();
            for (ResourceArgs.Request req : requests) {
                ObjectQuery.Found found = query.find(req);
                missing.addAll(found.missing());
                if (generic) {
                    all.addAll(found.objects());
                } else if (!found.objects().isEmpty()) {
                    printer.print(req.type(), found.objects(), output);
                    printedAny = true;
                }
            }
            if (generic) {
                printGeneric(inv, requests, all, output, templateOutput, watch, printer);
            }
            for (String m : missing) {
                if (!inv.args().bool("ignore-not-found")) {
                    inv.sink().emit(Output.Error.of(m));
                    status = 1;
                }
            }
            // -o name prints through kubectl's generic printer too, which never says "No resources found"
            if (!printedAny && missing.isEmpty() && !generic && !output.equals("name") && !inv.args().bool("ignore-not-found")) {
                inv.sink().emit(Output.Error.info(noResources(inv, requests)));
            }
        }
        if (watch && status == 0) {
            return watch(inv, requests, query, printer, output, templateOutput);
        }
        return status;
    }

    /**
     * kubectl decides "namespaced" from what the server answered: one (empty) table per type, so
     * the namespace is named only when every type asked for is namespaced and -A is not given.
     */
    static String noResources(Invocation inv, List<ResourceArgs.Request> requests) {
        if (inv.args().bool("all-namespaces") || !requests.stream().allMatch(r -> r.type().namespaced())) {
            return "No resources found";
        }
        return "No resources found in " + inv.namespace() + " namespace.";
    }

    /**
     * One object as itself when the command named exactly one (kubectl's "single item implied"),
     * else a List of them, even an empty one. A watch prints each object by itself instead.
     */
    private static void printGeneric(Invocation inv, List<ResourceArgs.Request> requests, List<JsonNode> all,
                                     String output, TemplateOutput templateOutput, boolean watch, TablePrinter printer) {
        boolean singleImplied = requests.size() == 1 && requests.get(0).names().size() == 1;
        // with --ignore-not-found, nothing found prints nothing, not an empty List
        if (all.isEmpty() && (singleImplied || inv.args().bool("ignore-not-found"))) {
            return;
        }
        if (templateOutput == null) {
            printer.document(all, singleImplied && all.size() == 1, output);
        } else if (watch) {
            all.forEach(templateOutput::print);
        } else {
            templateOutput.print(singleImplied && all.size() == 1 ? all.get(0) : Formats.list(all));
        }
    }

    private int watch(Invocation inv, List<ResourceArgs.Request> requests, ObjectQuery query, TablePrinter printer,
                      String output, TemplateOutput templateOutput) {
        if (requests.size() > 1) {
            throw new UsageException("error: you may only specify a single resource type");
        }
        ResourceArgs.Request req = requests.get(0);
        ResourceType type = req.type();
        Instant[] lastChange = {inv.now()};
        List<WatchEvent> pending = new ArrayList<>();
        Runnable stop = inv.cluster().store().watch(e -> {
            if (e.resource() == type && query.matches(req, e.object())) {
                pending.add(e);
            }
        });
        try {
            WatchWindow window = WatchWindow.of(inv.now(), ObjectQuery.requestTimeout(inv), inv.pacer().followsWallClock());
            while (true) {
                boolean finished = inv.runUntil(() -> !pending.isEmpty(), window.until(lastChange[0]));
                if (!finished) {
                    return 0;
                }
                if (pending.isEmpty()) {
                    return 0;
                }
                // Print the changes of this instant, each as its own flushed line.
                List<WatchEvent> batch = new ArrayList<>(pending);
                pending.clear();
                for (WatchEvent e : batch) {
                    if (templateOutput != null) {
                        templateOutput.print(e.object());
                        continue;
                    }
                    printer.watchEvent(e, output, inv.args().bool("output-watch-events"));
                }
                lastChange[0] = inv.now();
                inv.cluster().sim().advanceTo(inv.now());
            }
        } finally {
            stop.run();
        }
    }

}
