package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.format.DryRunObjects;
import kubetutor.engine.format.JsonWriter;
import kubetutor.engine.format.YamlWriter;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Formats;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.printer.TemplateOutput;
import kubetutor.engine.output.Output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code kubectl create namespace|ns NAME}, {@code create deployment|deploy NAME --image=...},
 * {@code create configmap|cm NAME --from-...} and {@code create serviceaccount|sa NAME}: kubectl
 * builds the object on the client ({@link DryRunObjects}), then prints it (--dry-run=client) or
 * sends it to the API server.
 *
 * <p>The create verb hooks these in: {@link #specs()} are its subcommands, and it calls
 * {@link #run} with an invocation whose positional arguments
 * start with the subcommand word as typed ({@code [ns, dev]}), and whose flags were parsed with
 * the subcommand's flags.
 */
public final class CreateSubcommands {
    private static final String OUTPUT_FORMATS = TemplateOutput.WRITE_FORMATS;

    static final List<FlagSpec> COMMON = List.of(
            TemplateOutput.ALLOW_MISSING_KEYS,
            TemplateOutput.TEMPLATE,
            DryRun.FLAG,
            FlagSpec.choice("output", "o", "", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).",
                    "json", "yaml", "name", "jsonpath="),
            FlagSpec.value("validate", null, ValueKind.TEXT, "strict", "Must be one of: strict (or true), warn, ignore (or false)."),
            FlagSpec.value("field-manager", null, ValueKind.TEXT, "kubectl-create", "Name of the manager used to track field ownership."));

    private static final CommandSpec NAMESPACE = new CommandSpec("namespace", List.of("ns"),
            "Create a namespace with the specified name", COMMON, List.of(ValueKind.TEXT), List.of());

    private static final CommandSpec CONFIG_MAP = new CommandSpec("configmap", List.of("cm"),
            "Create a config map from a local file, directory or literal value", concat(List.of(
                    FlagSpec.bool("append-hash", null, "Append a hash of the configmap to its name."),
                    FlagSpec.many("from-env-file", null, ValueKind.FILE, "Specify the path to a file to read lines of key=val pairs to create a configmap."),
                    FlagSpec.many("from-file", null, ValueKind.FILE, "Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key."),
                    FlagSpec.many("from-literal", null, ValueKind.KEY_VALUE, "Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)")), COMMON),
            List.of(ValueKind.TEXT), List.of());

    private static final CommandSpec SERVICE_ACCOUNT = new CommandSpec("serviceaccount", List.of("sa"),
            "Create a service account with the specified name", COMMON, List.of(ValueKind.TEXT), List.of());

    private static final CommandSpec DEPLOYMENT = new CommandSpec("deployment", List.of("deploy"),
            "Create a deployment with the specified name", concat(List.of(
                    FlagSpec.many("image", null, ValueKind.TEXT, "Image names to run. A deployment can have multiple images set for multi-container pod."),
                    FlagSpec.value("replicas", "r", ValueKind.INT32, "1", "Number of replicas to create. Default is 1."),
                    FlagSpec.value("port", null, ValueKind.INT32, "-1", "The containerPort that this deployment exposes.")), COMMON),
            List.of(ValueKind.TEXT), List.of());

    public List<CommandSpec> specs() {
        return List.of(CONFIG_MAP, DEPLOYMENT, NAMESPACE, CreateService.SPEC, SERVICE_ACCOUNT);
    }

    /** Runs the subcommand {@code name} (a spec's name, not an alias). */
    public int run(String name, Invocation inv) {
        return switch (name) {
            case "namespace" -> runNamespace(inv);
            case "deployment" -> runDeployment(inv);
            case "configmap" -> runConfigMap(inv);
            case "serviceaccount" -> runServiceAccount(inv);
            case "service" -> CreateService.run(inv);
            default -> throw new IllegalArgumentException(name);
        };
    }

    public int runNamespace(Invocation inv) {
        String name = oneName(inv, "namespace");
        String output = ObjectWrites.outputFormat(inv);
        DryRun dryRun = DryRun.of(inv);
        ObjectNode ns = DryRunObjects.namespace(name);
        return finish(inv, ResourceTypes.NAMESPACE, ns, name, output, dryRun, null);
    }

    public int runDeployment(Invocation inv) {
        // cobra checks required flags before the command runs, and reports through klog
        if (inv.args().all("image").isEmpty()) {
            throw new UsageException(Klog.line('E', inv.now(), "run.go:72",
                    "\"command failed\" err=\"required flag(s) \\\"image\\\" not set\""));
        }
        String name = oneName(inv, "deployment");
        String output = ObjectWrites.outputFormat(inv);
        DryRun dryRun = DryRun.of(inv);
        int replicas = Integer.parseInt(inv.args().get("replicas", "1"));
        int port = Integer.parseInt(inv.args().get("port", "-1"));
        ObjectNode d = DryRunObjects.deployment(name, inv.namespaceGiven() ? inv.namespace() : null,
                inv.args().all("image"), replicas, port < 0 ? null : port, inv.args().afterDash(),
                () -> inv.cluster().ids().suffix(5));
        if (dryRun != DryRun.CLIENT) {
            Meta.metadata(d).put("namespace", inv.namespace());
        }
        return finish(inv, ResourceTypes.DEPLOYMENT, d, name, output, dryRun, "failed to create " + ResourceTypes.DEPLOYMENT.singular());
    }

    public int runConfigMap(Invocation inv) {
        String name = oneName(inv, "configmap");
        String output = ObjectWrites.outputFormat(inv);
        DryRun dryRun = DryRun.of(inv);
        Map<String, String> data = ConfigMapData.read(inv, name);
        if (inv.args().bool("append-hash")) {
            name = name + "-" + ConfigMapHash.of(name, data);
        }
        ObjectNode cm = DryRunObjects.configMap(name, namespaceFor(inv, dryRun), data);
        return finish(inv, ResourceTypes.CONFIG_MAP, cm, name, output, dryRun, "failed to create " + ResourceTypes.CONFIG_MAP.singular());
    }

    public int runServiceAccount(Invocation inv) {
        String name = oneName(inv, "serviceaccount");
        String output = ObjectWrites.outputFormat(inv);
        DryRun dryRun = DryRun.of(inv);
        ObjectNode sa = DryRunObjects.serviceAccount(name, namespaceFor(inv, dryRun));
        return finish(inv, ResourceTypes.SERVICE_ACCOUNT, sa, name, output, dryRun, "failed to create " + ResourceTypes.SERVICE_ACCOUNT.singular());
    }

    /**
     * kubectl writes the namespace into the object only when -n was given (EnforceNamespace); the
     * request goes to the context's namespace all the same, which is where the server puts it.
     */
    static String namespaceFor(Invocation inv, DryRun dryRun) {
        return inv.namespaceGiven() || dryRun != DryRun.CLIENT ? inv.namespace() : null;
    }

    /** @param failure what kubectl says before the server's error ("failed to create deployment"), or null */
    static int finish(Invocation inv, ResourceType type, ObjectNode obj, String name, String output,
                      DryRun dryRun, String failure) {
        String ref = type.qualifiedKindLower() + "/" + name;
        if (dryRun == DryRun.CLIENT) {
            // the client-built object prints as kubectl's typed structs do: JSON in struct order
            print(inv, obj, output, ref, dryRun.suffix(), false);
            return 0;
        }
        ObjectNode created;
        try {
            created = inv.cluster().api().create(type, obj, dryRun == DryRun.SERVER);
        } catch (ApiException e) {
            if (failure == null) {
                throw e;
            }
            throw new UsageException("error: " + failure + ": " + statusMessage(e, type));
        }
        print(inv, created, output, ref, dryRun.suffix(), true);
        return 0;
    }

    private static void print(Invocation inv, ObjectNode obj, String output, String ref, String suffix, boolean fromServer) {
        if (TemplateOutput.isJsonPath(output)) {
            TemplateOutput.of(inv, output, OUTPUT_FORMATS).print(obj);
            return;
        }
        switch (output) {
            case "yaml" -> inv.sink().emit(new Output.Text(YamlWriter.write(obj), Output.TextKind.YAML));
            case "json" -> inv.sink().emit(new Output.Text(fromServer ? Formats.json(obj) : JsonWriter.write(obj),
                    Output.TextKind.JSON));
            case "name" -> inv.out(ref);
            default -> inv.out(ref + " created" + suffix);
        }
    }

    /**
     * The API server's own Status message, which kubectl wraps for create deployment: the Invalid
     * error names the kind with its group and lists several causes in brackets (errors.NewInvalid),
     * unlike the "The Deployment ... is invalid" form kubectl prints when it reports the error itself.
     */
    static String statusMessage(ApiException e, ResourceType type) {
        String msg = e.getMessage();
        String prefix = "The " + type.kind() + " \"";
        if (e.reason() != ApiException.Reason.Invalid || !msg.startsWith(prefix)) {
            return msg;
        }
        String rest = msg.substring(prefix.length());
        String qualified = type.group().isEmpty() ? type.kind() : type.kind() + "." + type.group();
        int split = rest.indexOf("\" is invalid: ");
        String head = qualified + " \"" + rest.substring(0, split) + "\" is invalid: ";
        String causes = rest.substring(split + "\" is invalid: ".length());
        if (!causes.startsWith("\n* ")) {
            return head + causes;
        }
        List<String> items = new ArrayList<>(List.of(causes.substring(3).split("\n\\* ")));
        return head + "[" + String.join(", ", items) + "]";
    }

    private static String oneName(Invocation inv, String sub) {
        List<String> positional = inv.args().positional();
        List<String> names = positional.isEmpty() ? positional : positional.subList(1, positional.size());
        if (names.size() != 1) {
            throw new UsageException("error: exactly one NAME is required, got " + names.size()
                    + "\nSee 'kubectl create " + sub + " -h' for help and examples");
        }
        return names.get(0);
    }

    static List<FlagSpec> concat(List<FlagSpec> a, List<FlagSpec> b) {
        List<FlagSpec> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
