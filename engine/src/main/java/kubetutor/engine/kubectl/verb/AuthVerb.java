package kubetutor.engine.kubectl.verb;

import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Help;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.kubectl.auth.AdminAccess;
import kubetutor.engine.kubectl.printer.TemplateOutput;
import kubetutor.engine.output.Output;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * kubectl auth can-i and whoami, answered for kubeadm's admin user, whom RBAC lets do anything
 * (kubectl/pkg/cmd/auth/cani.go, whoami.go). "reconcile" is kubectl's too, but edits RBAC objects
 * the simulator does not serve.
 */
public final class AuthVerb implements Verb {
    private static final Set<String> RESOURCE_VERBS = Set.of("get", "list", "watch", "create", "update", "patch",
            "delete", "deletecollection", "use", "bind", "impersonate", "*", "approve", "sign", "escalate", "attest");
    private static final Set<String> URL_VERBS = Set.of("get", "put", "post", "head", "options", "delete", "patch", "*");
    private static final String TWO_ARGS = "error: you must specify two arguments: verb resource or verb "
            + "resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.";

    private static final CommandSpec CAN_I = CommandSpec.of("can-i", "Check whether an action is allowed", List.of(
            FlagSpec.bool("all-namespaces", "A", "If true, check the specified action in all namespaces."),
            FlagSpec.bool("list", null, "If true, prints all allowed actions."),
            FlagSpec.bool("no-headers", null, "If true, prints allowed actions without headers"),
            FlagSpec.bool("quiet", "q", "If true, suppress output and just return the exit code."),
            FlagSpec.value("subresource", null, ValueKind.TEXT, "", "SubResource such as pod/log or deployment/scale")),
            ValueKind.TEXT, ValueKind.RESOURCE_TYPE);
    private static final CommandSpec WHOAMI = CommandSpec.of("whoami", "Experimental: Check self subject attributes", List.of(
            FlagSpec.bool("allow-missing-template-keys", null, "If true, ignore any errors in templates.").withDefault("true"),
            FlagSpec.choice("output", "o", "", "Output format.", "json", "yaml"),
            FlagSpec.bool("show-managed-fields", null, "If true, keep the managedFields when printing objects."),
            FlagSpec.value("template", null, ValueKind.TEXT, "", "Template string or path to template file.")));
    /** Listed and parsed as kubectl has it, so its help is kubectl's; running it says it is not simulated. */
    private static final CommandSpec RECONCILE = CommandSpec.of("reconcile",
            "Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects", List.of(
                    TemplateOutput.ALLOW_MISSING_KEYS, DryRun.FLAG,
                    FlagSpec.many("filename", "f", ValueKind.FILE, "Filename, directory, or URL to files identifying the resource to reconcile."),
                    FlagSpec.value("kustomize", "k", ValueKind.FILE, "", "Process the kustomization directory."),
                    FlagSpec.value("output", "o", ValueKind.OUTPUT_FORMAT, "", "Output format."),
                    FlagSpec.bool("recursive", "R", "Process the directory used in -f, --filename recursively."),
                    FlagSpec.bool("remove-extra-permissions", null, "If true, removes extra permissions added to roles"),
                    FlagSpec.bool("remove-extra-subjects", null, "If true, removes extra subjects added to rolebindings"),
                    FlagSpec.bool("show-managed-fields", null, "If true, keep the managedFields when printing objects."),
                    TemplateOutput.TEMPLATE));
    private static final CommandSpec SPEC = CommandSpec.of("auth", "Inspect authorization", List.of())
            .withSubcommands(List.of(CAN_I, RECONCILE, WHOAMI));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        List<String> positional = inv.args().positional();
        if (positional.isEmpty()) {
            return Help.missingSubcommand(inv, SPEC);
        }
        List<String> rest = positional.subList(1, positional.size());
        return switch (positional.get(0)) {
            case "can-i" -> canI(inv, rest);
            case "whoami" -> WhoAmI.print(inv);
            // RBAC roles and bindings are not among the objects the simulated API server serves
            case "reconcile" -> throw new UsageException("error: kubetutor does not simulate \"kubectl auth reconcile\"");
            default -> throw new UsageException("error: unknown command \"" + positional.get(0)
                    + "\"\nSee 'kubectl auth -h' for help and examples");
        };
    }

    /** CanIOptions' Complete, Validate and Run, in that order: its checks and warnings come before "yes". */
    private static int canI(Invocation inv, List<String> args) {
        boolean list = inv.args().bool("list");
        boolean allNamespaces = inv.args().bool("all-namespaces");
        String subresource = inv.args().get("subresource", "");
        if (list) {
            if (!args.isEmpty()) {
                throw new UsageException("error: list option must be specified with no arguments");
            }
            if (inv.args().bool("quiet") || allNamespaces || !subresource.isEmpty()) {
                throw new UsageException("error: list option can't be specified with neither quiet, all-namespaces "
                        + "nor subresource options");
            }
            inv.sink().emit(new Output.Text(AdminAccess.list(!inv.args().bool("no-headers")), Output.TextKind.MESSAGE));
            return 0;
        }
        if (args.size() != 2) {
            throw new UsageException(TWO_ARGS);
        }
        String verb = args.get(0);
        String target = args.get(1);
        if (target.startsWith("/")) {
            if (!subresource.isEmpty()) {
                throw new UsageException("error: --subresource can not be used with NonResourceURL");
            }
            if (!URL_VERBS.contains(verb)) {
                inv.warn("Warning: verb '" + verb + "' is not a known verb");
            }
        } else {
            String resource = target.split("/", 2)[0];
            Optional<ResourceType> type = resourceFor(resource);
            if (type.isEmpty() && !resource.equals("*") && !Set.of("users", "groups").contains(resource.toLowerCase())) {
                int dot = resource.indexOf('.');
                inv.warn(dot < 0 ? "Warning: the server doesn't have a resource type '" + resource + "'"
                        : "Warning: the server doesn't have a resource type '" + resource.substring(0, dot)
                                + "' in group '" + resource.substring(dot + 1) + "'");
            }
            if (type.isPresent() && !allNamespaces && !type.get().namespaced()) {
                inv.warn(type.get().group().isEmpty()
                        ? "Warning: resource '" + type.get().plural() + "' is not namespace scoped"
                        : "Warning: resource '" + type.get().plural() + "' is not namespace scoped in group '"
                                + type.get().group() + "'");
            }
            if (!RESOURCE_VERBS.contains(verb)) {
                inv.warn("Warning: verb '" + verb + "' is not a known verb");
            }
        }
        if (inv.args().bool("no-headers")) {
            throw new UsageException("error: --no-headers cannot be set without --list specified");
        }
        // cluster-admin's rules are * on every group, resource and URL: the review always allows
        if (!inv.args().bool("quiet")) {
            inv.out("yes");
        }
        return 0;
    }

    /** The REST mapper's lookup: "pods", "po", "deployments.apps", any case. */
    private static Optional<ResourceType> resourceFor(String word) {
        String lower = word.toLowerCase();
        Optional<ResourceType> plain = ResourceTypes.find(lower);
        if (plain.isPresent()) {
            return plain;
        }
        int dot = lower.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String group = lower.substring(dot + 1);
        return ResourceTypes.find(lower.substring(0, dot)).filter(t -> t.group().equals(group));
    }
}
