package kubetutor.engine.kubectl;

import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.ValueKind;

import java.util.List;

/** The flags every kubectl command inherits (the ones a lab uses; the rest are accepted and ignored). */
public final class GlobalFlags {
    private GlobalFlags() {}

    public static final List<FlagSpec> ALL = List.of(
            FlagSpec.value("namespace", "n", ValueKind.NAMESPACE, "", "If present, the namespace scope for this CLI request"),
            FlagSpec.value("context", null, ValueKind.CONTEXT, "", "The name of the kubeconfig context to use"),
            FlagSpec.value("kubeconfig", null, ValueKind.FILE, "", "Path to the kubeconfig file to use for CLI requests."),
            FlagSpec.value("request-timeout", null, ValueKind.DURATION, "0",
                    "The length of time to wait before giving up on a single server request."),
            FlagSpec.value("v", "v", ValueKind.TEXT, "0", "number for the log level verbosity"),
            FlagSpec.value("cluster", null, ValueKind.TEXT, "", "The name of the kubeconfig cluster to use"),
            FlagSpec.value("user", null, ValueKind.TEXT, "", "The name of the kubeconfig user to use"));
}
