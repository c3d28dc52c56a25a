package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.api.WatchEvent;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.Formats;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.ObjectQuery;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.kubectl.printer.EventRows;
import kubetutor.engine.kubectl.printer.TemplateOutput;
import kubetutor.engine.output.Output;
import kubetutor.engine.sim.WatchWindow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * kubectl events: the namespace's events oldest first, in its own table (LAST SEEN, TYPE, REASON,
 * OBJECT, MESSAGE), narrowed by --for and --types, or watched with -w (kubectl/pkg/cmd/events).
 */
public final class EventsVerb implements Verb {
    private static final CommandSpec SPEC = CommandSpec.of("events", "List events", List.of(
            FlagSpec.bool("all-namespaces", "A", "If present, list the requested object(s) across all namespaces."),
            TemplateOutput.ALLOW_MISSING_KEYS,
            FlagSpec.value("chunk-size", null, ValueKind.TEXT, "500", "Return large lists in chunks."),
            FlagSpec.value("for", null, ValueKind.TEXT, "", "Filter events to only those pertaining to the specified resource."),
            FlagSpec.bool("no-headers", null, "When using the default output format, don't print headers."),
            FlagSpec.value("output", "o", ValueKind.OUTPUT_FORMAT, "", "Output format."),
            FlagSpec.bool("show-managed-fields", null, "If true, keep the managedFields when printing objects."),
            TemplateOutput.TEMPLATE,
            FlagSpec.many("types", null, ValueKind.TEXT, "Output only events of given types."),
            FlagSpec.bool("watch", "w", "After listing the requested events, watch for more events.")));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    /** What --for names: the involved object's kind, apiVersion and name. */
    private record ForObject(String kind, String apiVersion, String name) {
        boolean matches(JsonNode event) {
            JsonNode o = event.path("involvedObject");
            return o.path("kind").asText("").equals(kind) && o.path("apiVersion").asText("").equals(apiVersion)
                    && o.path("name").asText("").equals(name);
        }
    }

    @Override
    public int run(Invocation inv) {
        ForObject forObject = forObject(inv.args().get("for", ""));
        String output = inv.args().get("output", "");
        TemplateOutput template = null;
        if (TemplateOutput.isJsonPath(output)) {
            template = TemplateOutput.of(inv, output, TemplateOutput.WRITE_FORMATS);
        } else if (!List.of("", "json", "yaml", "name").contains(output)) {
            throw new UsageException("error: unable to match a printer suitable for the output format \"" + output
                    + "\", allowed formats are: " + TemplateOutput.WRITE_FORMATS);
        }
        List<String> types = types(inv);
        boolean all = inv.args().bool("all-namespaces");
        String namespace = all ? "" : inv.namespace();
        EventRows rows = new EventRows(all, inv.args().bool("no-headers"));
        if (inv.args().bool("watch")) {
            return watch(inv, namespace, forObject, types, output, template, rows);
        }
        List<ObjectNode> events = new ArrayList<>();
        // the store lists every namespace for null, none for ""
        for (ObjectNode e : inv.cluster().store().list(ResourceTypes.EVENT, namespace.isEmpty() ? null : namespace)) {
            if ((forObject == null || forObject.matches(e)) && typeWanted(types, e)) {
                events.add(e);
            }
        }
        if (events.isEmpty()) {
            inv.sink().emit(Output.Error.info(all ? "No events found." : "No events found in " + inv.namespace() + " namespace."));
            return 0;
        }
        events.sort(Comparator.comparing(EventRows::eventTime));
        print(inv, events, output, template, rows);
        return 0;
    }

    private static void print(Invocation inv, List<ObjectNode> events, String output, TemplateOutput template, EventRows rows) {
        if (template != null) {
            template.print(eventList(events));
            return;
        }
        switch (output) {
            case "" -> inv.sink().emit(new Output.Text(rows.render(events, inv.now()), Output.TextKind.MESSAGE));
            // the name printer refuses a typed EventList ("list types are not supported by name printing")
            // and events drops that error: -o name prints nothing
            case "name" -> { }
            case "yaml" -> inv.sink().emit(new Output.Text(Formats.yaml(Formats.sorted(eventList(events))), Output.TextKind.YAML));
            // a typed EventList: json keeps the Go struct order the store holds its events in
            default -> inv.sink().emit(new Output.Text(kubetutor.engine.format.JsonWriter.write(eventList(events)) + "\n",
                    Output.TextKind.JSON));
        }
    }

    /** The EventList kubectl builds itself: no list metadata, each item with its kind set. */
    private static ObjectNode eventList(List<ObjectNode> events) {
        ObjectNode list = Meta.JSON.objectNode();
        list.put("kind", "EventList");
        list.put("apiVersion", "v1");
        list.putObject("metadata");
        var items = list.putArray("items");
        for (ObjectNode e : events) {
            ObjectNode item = Meta.JSON.objectNode();
            item.put("kind", "Event");
            item.put("apiVersion", "v1");
            e.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("kind") && !f.getKey().equals("apiVersion")) {
                    item.set(f.getKey(), f.getValue());
                }
            });
            items.add(item);
        }
        return list;
    }

    /** decodeResourceTypeName: TYPE/NAME through the REST mapper, to the kind and apiVersion events record. */
    private static ForObject forObject(String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (!value.contains("/")) {
            throw new UsageException("error: --for must be in resource/name form");
        }
        String[] parts = value.split("/", -1);
        if (parts.length != 2) {
            throw new UsageException("error: arguments in resource/name form may not have more than one slash");
        }
        // the mapper's NoResourceMatchError reaches checkErr as it is, which prints it without "error: "
        ResourceType type = ResourceTypes.find(parts[0].toLowerCase()).orElseThrow(() ->
                new UsageException("the server doesn't have a resource type \"" + parts[0].toLowerCase() + "\""));
        String apiVersion = type.group().isEmpty() ? type.version() : type.group() + "/" + type.version();
        return new ForObject(type.kind(), apiVersion, parts[1]);
    }

    /** --types: a string slice, de-duplicated and sorted; only Normal and Warning, in any case. */
    private static List<String> types(Invocation inv) {
        TreeSet<String> types = new TreeSet<>();
        for (String v : inv.args().all("types")) {
            for (String t : v.split(",")) {
                types.add(t);
            }
        }
        for (String t : types) {
            if (!t.equalsIgnoreCase("Normal") && !t.equalsIgnoreCase("Warning")) {
                throw new UsageException("error: valid --types are Normal or Warning");
            }
        }
        return List.copyOf(types);
    }

    private static boolean typeWanted(List<String> types, JsonNode event) {
        String type = event.path("type").asText("");
        return types.isEmpty() || types.stream().anyMatch(t -> t.equalsIgnoreCase(type));
    }

    /**
     * The watch: the server first sends every existing event as ADDED (in its storage order, unsorted),
     * then each new or updated one; deletions (events expire after an hour) are not printed.
     */
    private static int watch(Invocation inv, String namespace, ForObject forObject, List<String> types, String output,
                             TemplateOutput template, EventRows rows) {
        List<ObjectNode> pending = new ArrayList<>();
        // the store lists every namespace for null, none for ""
        for (ObjectNode e : inv.cluster().store().list(ResourceTypes.EVENT, namespace.isEmpty() ? null : namespace)) {
            if ((forObject == null || forObject.matches(e)) && typeWanted(types, e)) {
                pending.add(e);
            }
        }
        Runnable stop = inv.cluster().store().watch(w -> {
            if (w.resource() == ResourceTypes.EVENT && w.type() != WatchEvent.Type.DELETED
                    && (namespace.isEmpty() || Meta.namespace(w.object()).equals(namespace))
                    && (forObject == null || forObject.matches(w.object())) && typeWanted(types, w.object())) {
                pending.add(w.object());
            }
        });
        try {
            Instant lastChange = inv.now();
            WatchWindow window = WatchWindow.of(inv.now(), ObjectQuery.requestTimeout(inv), inv.pacer().followsWallClock());
            while (true) {
                if (!pending.isEmpty()) {
                    List<ObjectNode> batch = new ArrayList<>(pending);
                    pending.clear();
                    for (ObjectNode e : batch) {
                        print(inv, List.of(e), output, template, rows);
                    }
                    lastChange = inv.now();
                }
                if (!inv.runUntil(() -> !pending.isEmpty(), window.until(lastChange)) || pending.isEmpty()) {
                    return 0;
                }
            }
        } finally {
            stop.run();
        }
    }
}
