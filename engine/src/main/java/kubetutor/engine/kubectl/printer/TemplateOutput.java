package kubetutor.engine.kubectl.printer;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.jsonpath.GoValues;
import kubetutor.engine.kubectl.jsonpath.JsonPath;
import kubetutor.engine.kubectl.jsonpath.JsonPathException;
import kubetutor.engine.output.Output;
import kubetutor.engine.workspace.Entry;

import java.util.List;

/**
 * kubectl's template printers: {@code -o jsonpath=}, {@code jsonpath-file=}, {@code jsonpath-as-json=},
 * and (for get) {@code custom-columns=} and {@code custom-columns-file=}. The template comes after
 * the "=" or from --template, as kubectl reads it.
 */
public abstract sealed class TemplateOutput permits TemplateOutput.JsonPathOutput, CustomColumns {
    private static final List<String> JSONPATH = List.of("jsonpath", "jsonpath-file", "jsonpath-as-json");
    private static final List<String> COLUMNS = List.of("custom-columns", "custom-columns-file");

    /** The flags kubectl adds wherever it offers template printers. */
    public static final FlagSpec ALLOW_MISSING_KEYS = FlagSpec.bool("allow-missing-template-keys", null,
            "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.")
            .withDefault("true");
    public static final FlagSpec TEMPLATE = FlagSpec.value("template", null, ValueKind.TEXT, "",
            "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].");

    /** Prints one object (a List prints as kubectl prints a list: one template run, or one row per item). */
    public abstract void print(JsonNode object);

    /** The format -o names, without its "=template" part. */
    private static String format(String output) {
        int eq = output.indexOf('=');
        return eq < 0 ? output : output.substring(0, eq);
    }

    /** Whether -o names a JSONPath printer (what create, run and get all accept). */
    public static boolean isJsonPath(String output) {
        return JSONPATH.contains(format(output));
    }

    /** Whether -o names a custom-columns printer (get only). */
    public static boolean isColumns(String output) {
        return COLUMNS.contains(format(output));
    }

    /** What kubectl lists as allowed after an output format it cannot match, for get and for the writing verbs. */
    public static final String GET_FORMATS = "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,"
            + "jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml";
    public static final String WRITE_FORMATS = "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,"
            + "name,template,templatefile,yaml";

    /** The printer -o names for get, or kubectl's error for a template it cannot read. */
    public static TemplateOutput of(Invocation inv, String output) {
        return of(inv, output, GET_FORMATS);
    }

    /** The printer -o names, {@code allowed} being what the verb's "unable to match" error lists. */
    public static TemplateOutput of(Invocation inv, String output, String allowed) {
        String format = format(output);
        String flag = inv.args().get("template", "");
        if (!flag.isEmpty() && output.contains("=")) {
            // With --template kubectl takes -o whole, and "jsonpath=..." is no format it knows.
            throw new UsageException("error: unable to match a printer suitable for the output format \"" + output
                    + "\", allowed formats are: " + allowed);
        }
        String value = output.contains("=") ? output.substring(output.indexOf('=') + 1) : flag;
        if (isColumns(output)) {
            if (value.isEmpty()) {
                throw new UsageException("error: custom-columns format specified but no custom columns given");
            }
            if (format.equals("custom-columns-file")) {
                return CustomColumns.fromFile(inv, value, read(inv, value, "error reading template "));
            }
            return CustomColumns.fromSpec(inv, value, inv.args().bool("no-headers"));
        }
        if (value.isEmpty()) {
            throw new UsageException("error: template format specified but no template given");
        }
        if (format.equals("jsonpath-file")) {
            value = read(inv, value, "error reading --template ");
        }
        try {
            return new JsonPathOutput(inv, value, JsonPath.parse(value), format.equals("jsonpath-as-json"));
        } catch (JsonPathException e) {
            throw new UsageException("error: error parsing jsonpath " + value + ", " + e.getMessage());
        }
    }

    private static String read(Invocation inv, String name, String prefix) {
        Entry e = inv.workspace().look(name);
        if (e instanceof Entry.File f) {
            return f.text();
        }
        String why = e instanceof Entry.Missing ? "open " + name + ": no such file or directory"
                : e instanceof Entry.Directory ? "read " + name + ": is a directory"
                : ((Entry.Unreadable) e).message();
        throw new UsageException("error: " + prefix + name + ", " + why);
    }

    /** --allow-missing-template-keys, true unless set to false. */
    static boolean allowMissingKeys(Invocation inv) {
        return !"false".equals(inv.args().get("allow-missing-template-keys", "true"));
    }

    static final class JsonPathOutput extends TemplateOutput {
        private final Invocation inv;
        private final String raw;
        private final JsonPath template;
        private final boolean asJson;

        JsonPathOutput(Invocation inv, String raw, JsonPath template, boolean asJson) {
            this.inv = inv;
            this.raw = raw;
            this.template = template;
            this.asJson = asJson;
        }

        @Override
        public void print(JsonNode object) {
            String text;
            try {
                boolean allow = allowMissingKeys(inv);
                text = asJson ? template.executeAsJson(object, allow) : template.execute(object, allow);
            } catch (JsonPathException e) {
                // kubectl's own wording, with the template and the object as Go's %#v shows it.
                throw new UsageException("error: error executing jsonpath " + GoValues.goQuote(raw)
                        + ": Error executing template: " + e.getMessage()
                        + ". Printing more information for debugging the template:\n"
                        + "\ttemplate was:\n\t\t" + raw + "\n"
                        + "\tobject given to jsonpath engine was:\n\t\t" + GoValues.goSyntax(object) + "\n\n\n");
            }
            if (!text.isEmpty()) {
                inv.sink().emit(new Output.Text(text, Output.TextKind.MESSAGE));
            }
        }
    }
}
