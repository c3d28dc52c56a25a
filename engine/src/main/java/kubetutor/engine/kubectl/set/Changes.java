package kubetutor.engine.kubectl.set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.kubectl.Aggregate;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.Targets;

import java.util.List;

/**
 * What the set commands share after they found their objects (set/helper.go CalculatePatches and
 * the loop after it): each object is changed on a copy; one the change leaves as it was is passed
 * over without a word; a client dry run prints the changed copy; otherwise the change goes to the
 * server and kubectl prints what the server answers.
 */
final class Changes {
    /** A refusal of one object ("the object is not a pod or does not have a pod template: ..."). */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Changes the copy in place; false when there is nothing to send for this object at all. */
    @FunctionalInterface
    interface Mutation {
        boolean apply(Targets.Target target, ObjectNode copy);
    }

    private Changes() {}

    /**
     * @param operation what the name printer says ("image updated")
     * @param failure   kubectl's words before a server error ("failed to patch image update to pod template: ")
     */
    static void apply(Invocation inv, List<Targets.Target> targets, Mutation mutation, String operation, String failure,
                      DryRun dryRun, String output, Aggregate errors) {
        for (Targets.Target t : targets) {
            ObjectNode copy = t.object().deepCopy();
            boolean send;
            try {
                send = mutation.apply(t, copy);
            } catch (PodSpecs.NoPodTemplate | Refused e) {
                // info.ObjectName() is resource/name, and kubectl ends this one message with a newline
                errors.add("error: " + t.type().plural() + "/" + t.name() + " " + e.getMessage() + "\n");
                continue;
            }
            if (!send || copy.equals(t.object())) {
                continue;
            }
            ObjectNode shown = copy;
            if (dryRun != DryRun.CLIENT) {
                try {
                    shown = inv.cluster().api().update(t.type(), copy, dryRun == DryRun.SERVER);
                } catch (ApiException e) {
                    errors.add(failure + e.getMessage());
                    continue;
                }
            }
            ObjectWrites.printObject(inv, t.type(), shown, operation, dryRun, output);
        }
    }
}
