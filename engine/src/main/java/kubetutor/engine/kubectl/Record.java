package kubetutor.engine.kubectl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.command.FlagSpec;

/**
 * kubectl's deprecated --record (cli-runtime record_flags.go): the verbs that still take it write
 * the command line into the kubernetes.io/change-cause annotation, which the deployment controller
 * copies to the new ReplicaSet and {@code rollout history} shows. Only an explicit true records;
 * pflag warns on every use of the flag, true or false.
 */
public final class Record {
    public static final String CHANGE_CAUSE = "kubernetes.io/change-cause";

    public static final FlagSpec FLAG = FlagSpec.bool("record", null,
            "Record current kubectl command in the resource annotation. If set to false, do not record the command."
                    + " If set to true, record the command. If not set, default to updating the existing annotation"
                    + " value only if one already exists.")
            .withDeprecation("--record will be removed in the future");

    private Record() {}

    /** Whether this command records its change cause. */
    public static boolean on(Invocation inv) {
        return inv.args().bool("record");
    }

    /** Puts the change cause on {@code obj} (in place) when --record is true, as ChangeCauseRecorder.Record does. */
    public static void annotate(Invocation inv, ObjectNode obj) {
        if (!on(inv)) {
            return;
        }
        ObjectNode meta = Meta.metadata(obj);
        ObjectNode annotations = meta.has("annotations") && meta.get("annotations").isObject()
                ? (ObjectNode) meta.get("annotations") : meta.putObject("annotations");
        annotations.put(CHANGE_CAUSE, inv.args().changeCause());
    }

    /**
     * The second write of verbs that record after their own (scale, patch): a merge patch of the
     * annotation alone, sent only when it changes something, never as a dry run, and whose failure
     * kubectl only logs.
     */
    public static void patchOnto(Invocation inv, ResourceType type, String namespace, String name) {
        if (!on(inv)) {
            return;
        }
        // a second request: the controllers have reacted to the first by the time it arrives, as the API server settles after each request
        inv.cluster().sim().settle();
        ObjectNode live = inv.cluster().store().get(type, namespace, name);
        if (live == null || inv.args().changeCause().equals(Meta.annotations(live).get(CHANGE_CAUSE))) {
            return;
        }
        ObjectNode next = live.deepCopy();
        annotate(inv, next);
        try {
            inv.cluster().api().update(type, next);
        } catch (ApiException e) {
            // kubectl logs "error recording reason" at -v=4 and goes on
        }
    }
}
