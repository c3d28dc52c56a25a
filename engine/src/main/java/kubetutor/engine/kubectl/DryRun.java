package kubetutor.engine.kubectl;

import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.verb.Klog;
import kubetutor.engine.output.Output;

/**
 * kubectl's --dry-run: none writes, client only prints what it would send, server sends it with
 * dryRun=All (the API server answers as if it wrote, and stores nothing). The name printer marks
 * both dry runs after the operation ("pod/x created (server dry run)").
 */
public enum DryRun {
    NONE(""), CLIENT(" (dry run)"), SERVER(" (server dry run)");

    /**
     * The flag as cmdutil.AddDryRunFlag declares it: a bare --dry-run is "unchanged", kubectl's
     * marker for the old boolean form.
     */
    public static final FlagSpec FLAG = FlagSpec.choice("dry-run", null, "none",
            "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent,"
                    + " without sending it. If server strategy, submit server-side request without persisting the resource.",
            "none", "client", "server").withNoOptDefault("unchanged");

    private final String suffix;

    DryRun(String suffix) {
        this.suffix = suffix;
    }

    /** What the name printer appends to the operation ("created", "scaled", "deleted"). */
    public String suffix() {
        return suffix;
    }

    /** kubectl's GetDryRunStrategy, with the klog warnings it gives the old boolean values. */
    public static DryRun of(Invocation inv) {
        String v = inv.args().get("dry-run", "none");
        switch (v) {
            case "none":
                return NONE;
            case "client":
                return CLIENT;
            case "server":
                return SERVER;
            case "unchanged":
                warn(inv, "helpers.go:702", "--dry-run is deprecated and can be replaced with --dry-run=client.");
                return CLIENT;
            default:
                break;
        }
        // Anything strconv.ParseBool takes is the deprecated boolean form.
        return switch (v) {
            case "1", "t", "T", "true", "TRUE", "True" -> {
                warn(inv, "helpers.go:716", "--dry-run=" + v + " is deprecated (boolean value) and can be replaced with --dry-run=client.");
                yield CLIENT;
            }
            case "0", "f", "F", "false", "FALSE", "False" -> {
                warn(inv, "helpers.go:719", "--dry-run=" + v + " is deprecated (boolean value) and can be replaced with --dry-run=none.");
                yield NONE;
            }
            default -> throw new UsageException("error: Invalid dry-run value (" + v + "). Must be \"none\", \"server\", or \"client\".");
        };
    }

    private static void warn(Invocation inv, String source, String message) {
        inv.sink().emit(Output.Error.info(Klog.line('W', inv.now(), source, message)));
    }
}
