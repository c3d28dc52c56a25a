package kubetutor.engine.kubectl.verb;

import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.output.Cell;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * kubectl api-resources over the discovery facts of a kubeadm 1.32 cluster, kept as data in
 * kubetutor/api-resources.txt. The simulator stores only some of these kinds; the list is what a
 * learner's real cluster would answer.
 */
public final class ApiResourcesVerb implements Verb {

    /** One line of discovery. {@code group} is empty for the core group. */
    public record ApiResource(String name, List<String> shortNames, String group, String version, boolean namespaced,
                              String kind) {
        String apiVersion() {
            return group.isEmpty() ? version : group + "/" + version;
        }
    }

    public static final List<ApiResource> ALL = load();

    private static final CommandSpec SPEC = CommandSpec.of("api-resources",
            "Print the supported API resources on the server", List.of(
                    FlagSpec.bool("namespaced", null, "If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.").withDefault("true"),
                    FlagSpec.value("api-group", null, ValueKind.TEXT, "", "Limit to resources in the specified API group."),
                    FlagSpec.choice("output", "o", "", "Output format. One of: (wide, name).", "name"),
                    FlagSpec.bool("no-headers", null, "When using the default or custom-column output format, don't print headers (default print headers)."),
                    FlagSpec.choice("sort-by", null, "", "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.",
                            "name", "kind"),
                    FlagSpec.bool("cached", null, "Use the cached list of resources if available.")));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        String output = inv.args().get("output", "");
        if (!output.isEmpty() && !output.equals("name")) {
            // "wide" needs each resource's verbs and categories, which the data file does not hold yet
            throw new UsageException("error: --output " + output + " is not available");
        }
        String sortBy = inv.args().get("sort-by", "");
        if (!sortBy.isEmpty() && !sortBy.equals("name") && !sortBy.equals("kind")) {
            throw new UsageException("error: --sort-by accepts only name or kind");
        }
        if (!inv.args().positional().isEmpty()) {
            throw new UsageException("error: unexpected arguments: [" + String.join(" ", inv.args().positional()) + "]\n"
                    + "See 'kubectl api-resources -h' for help and examples");
        }
        List<ApiResource> shown = new ArrayList<>();
        for (ApiResource r : ALL) {
            if (inv.args().has("api-group") && !r.group().equals(inv.args().get("api-group"))) {
                continue;
            }
            // --namespaced filters only when given: its default (true) alone would hide cluster-scoped kinds
            if (inv.args().has("namespaced") && r.namespaced() != inv.args().bool("namespaced")) {
                continue;
            }
            shown.add(r);
        }
        // kubectl sorts stably by group (core first), or by the --sort-by field
        Comparator<ApiResource> order = switch (sortBy) {
            case "name" -> Comparator.comparing(ApiResource::name);
            case "kind" -> Comparator.comparing(ApiResource::kind);
            default -> Comparator.comparing(ApiResource::group);
        };
        shown.sort(order);
        if (output.equals("name")) {
            StringBuilder sb = new StringBuilder();
            for (ApiResource r : shown) {
                sb.append(r.name()).append(r.group().isEmpty() ? "" : "." + r.group()).append('\n');
            }
            inv.sink().emit(new Output.Text(sb.toString(), Output.TextKind.MESSAGE));
            return 0;
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (ApiResource r : shown) {
            rows.add(List.of(Cell.plain(r.name()), Cell.plain(String.join(",", r.shortNames())),
                    Cell.plain(r.apiVersion()), Cell.plain(String.valueOf(r.namespaced())), Cell.plain(r.kind())));
        }
        List<String> headers = inv.args().bool("no-headers") ? List.of()
                : List.of("NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND");
        inv.sink().emit(new Output.TableOutput(new Table(headers, rows)));
        return 0;
    }

    private static List<ApiResource> load() {
        InputStream in = ApiResourcesVerb.class.getResourceAsStream("/kubetutor/api-resources.txt");
        if (in == null) {
            throw new IllegalStateException("kubetutor/api-resources.txt is missing from the classpath");
        }
        List<ApiResource> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                int slash = f[2].indexOf('/');
                out.add(new ApiResource(f[0], f[1].equals("-") ? List.of() : List.of(f[1].split(",")),
                        slash < 0 ? "" : f[2].substring(0, slash), f[2].substring(slash + 1),
                        Boolean.parseBoolean(f[3]), f[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
