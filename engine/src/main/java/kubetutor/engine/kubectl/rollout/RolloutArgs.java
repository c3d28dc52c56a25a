package kubetutor.engine.kubectl.rollout;

import kubetutor.engine.api.ResourceType;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.Invocation;

import java.util.List;

/** What the rollout subcommands check the same way before they look anything up. */
final class RolloutArgs {
    private RolloutArgs() {}

    /** Validate(): a resource by argument or -f. */
    static void requireResource(Invocation inv, List<String> words) {
        if (words.isEmpty() && inv.args().all("filename").isEmpty()) {
            throw new UsageException("error: required resource not specified");
        }
    }

    /** An int64 flag (the parser has checked its syntax). */
    static long revision(Invocation inv, String flag) {
        return Long.parseLong(inv.args().get(flag, "0"));
    }

    static int fail(Invocation inv, String message) {
        inv.err("error: " + message);
        return 1;
    }

    /** schema.GroupKind's String(): "Deployment.apps", "ReplicationController". */
    static String groupKind(ResourceType type) {
        return type.group().isEmpty() ? type.kind() : type.kind() + "." + type.group();
    }
}
