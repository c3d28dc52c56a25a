package kubetutor.engine.kubectl.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.kubectl.Aggregate;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.Record;
import kubetutor.engine.kubectl.Targets;
import kubetutor.engine.kubectl.describe.GoTabwriter;
import kubetutor.engine.kubectl.describe.PodTemplateText;
import kubetutor.engine.output.Output;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * kubectl rollout history (rollout_history.go, polymorphichelpers/history.go): the revisions of a
 * deployment, read from its ReplicaSets, with the change cause each carries; one revision's pod
 * template with --revision; the ReplicaSets themselves with -o.
 */
final class RolloutHistory {
    private RolloutHistory() {}

    static int run(Invocation inv, List<String> words) {
        RolloutArgs.requireResource(inv, words);
        long revision = RolloutArgs.revision(inv, "revision");
        if (revision < 0) {
            return RolloutArgs.fail(inv, "revision must be a positive integer: " + revision);
        }
        String output = inv.args().has("output") ? ObjectWrites.outputFormat(inv) : null;
        Targets.Found found = Targets.resolve(inv, words, true);
        Aggregate errors = new Aggregate();
        errors.addAll(found.errors());
        boolean first = true;
        for (Targets.Target t : found.targets()) {
            if (t.type() != ResourceTypes.DEPLOYMENT && t.type() != ResourceTypes.DAEMON_SET) {
                errors.add("no history viewer has been implemented for \"" + RolloutArgs.groupKind(t.type()) + "\"");
                continue;
            }
            Map<Long, ObjectNode> history = history(inv, t);
            if (output != null) {
                for (Map.Entry<Long, ObjectNode> e : history.entrySet()) {
                    if (revision == 0 || e.getKey() == revision) {
                        if (output.equals("yaml") && !first) {
                            inv.sink().emit(new Output.Text("---\n", Output.TextKind.YAML));
                        }
                        ObjectWrites.printObject(inv, ResourceTypes.REPLICA_SET, e.getValue(), "", DryRun.NONE, output);
                        first = false;
                    }
                }
                continue;
            }
            String text;
            if (history.isEmpty()) {
                text = "No rollout history found.";
            } else if (revision > 0) {
                ObjectNode rs = history.get(revision);
                if (rs == null) {
                    errors.add("unable to find the specified revision");
                    continue;
                }
                text = PodTemplateText.of(templateWithCause(rs));
            } else {
                text = table(history);
            }
            // the name printer's line, its operation being the revision and the text on the next lines
            inv.sink().emit(new Output.Text(t.ref() + " " + (revision > 0 ? "with revision #" + revision : "") + "\n"
                    + text + "\n", Output.TextKind.MESSAGE));
        }
        return errors.print(inv);
    }

    /**
     * Revision to ReplicaSet, in revision order; a later ReplicaSet with the same revision wins.
     * DaemonSets keep their history in ControllerRevisions, which kubetutor does not serve: none.
     */
    private static Map<Long, ObjectNode> history(Invocation inv, Targets.Target t) {
        Map<Long, ObjectNode> history = new TreeMap<>();
        if (t.type() == ResourceTypes.DEPLOYMENT) {
            for (DeploymentRevisions.Revision r : DeploymentRevisions.of(inv.cluster().store(), t.object())) {
                history.put(r.number(), r.replicaSet());
            }
        }
        return history;
    }

    private static String table(Map<Long, ObjectNode> history) {
        StringBuilder sb = new StringBuilder("REVISION\tCHANGE-CAUSE\n");
        history.forEach((revision, rs) -> {
            String cause = Meta.annotations(rs).getOrDefault(Record.CHANGE_CAUSE, "");
            sb.append(revision).append('\t').append(cause.isEmpty() ? "<none>" : cause).append('\n');
        });
        return GoTabwriter.format(sb.toString());
    }

    /** The ReplicaSet's template, with the ReplicaSet's change cause among its annotations, as kubectl shows it. */
    private static ObjectNode templateWithCause(ObjectNode rs) {
        ObjectNode template = rs.path("spec").path("template").isObject()
                ? ((ObjectNode) rs.path("spec").path("template")).deepCopy() : Meta.JSON.objectNode();
        String cause = Meta.annotations(rs).getOrDefault(Record.CHANGE_CAUSE, "");
        if (!cause.isEmpty()) {
            ObjectNode meta = Meta.metadata(template);
            ObjectNode annotations = meta.path("annotations").isObject() ? (ObjectNode) meta.get("annotations")
                    : meta.putObject("annotations");
            annotations.put(Record.CHANGE_CAUSE, cause);
        }
        return template;
    }
}
