package kubetutor.engine.kubectl.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.kubectl.Aggregate;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.Targets;
import kubetutor.engine.output.Output;

import java.util.ArrayList;
import java.util.List;

/**
 * kubectl rollout pause, resume and restart (rollout_{pause,resume,restart}.go with
 * polymorphichelpers' object pauser, resumer and restarter): each changes the object on the client
 * and sends the difference. All objects are changed first, the refusals collected and printed at
 * the end as "error: deployments.apps "web" is already paused".
 */
final class RolloutPatch {
    /** One of the three: its verb, and what it does to an object (a refusal is an exception). */
    enum Kind {
        PAUSE("paused"), RESUME("resumed"), RESTART("restarted");

        final String operation;

        Kind(String operation) {
            this.operation = operation;
        }
    }

    /** Why an object cannot take the change, in the words the helper gives kubectl. */
    private static final class Refused extends RuntimeException {
        Refused(String why) {
            super(why, null, false, false);
        }
    }

    private RolloutPatch() {}

    static int run(Invocation inv, List<String> words, Kind kind) {
        RolloutArgs.requireResource(inv, words);
        String output = ObjectWrites.outputFormat(inv);
        Targets.Found found = Targets.resolve(inv, words, true);
        Aggregate errors = new Aggregate();
        // Infos() hands its lookup errors over as one aggregate, which stays one inside kubectl's
        errors.addGroup(found.errors());
        if (found.targets().isEmpty() && found.errors().isEmpty()) {
            inv.sink().emit(Output.Error.info("No resources found in " + inv.namespace() + " namespace."));
            return 0;
        }
        List<String> refusals = new ArrayList<>();
        for (Targets.Target t : found.targets()) {
            ObjectNode changed;
            try {
                changed = change(inv, kind, t);
            } catch (Refused r) {
                refusals.add("error: " + t.type().qualifiedPlural() + " \"" + t.name() + "\" " + r.getMessage());
                continue;
            }
            if (changed.equals(t.object())) {
                // an empty patch: restart twice within a second gives the same timestamp
                refusals.add("failed to create patch for " + t.name() + ": if restart has already been triggered"
                        + " within the past second, please wait before attempting to trigger another");
                continue;
            }
            ObjectNode patched;
            try {
                patched = inv.cluster().api().update(t.type(), changed);
            } catch (ApiException e) {
                refusals.add("failed to patch: " + e.getMessage());
                continue;
            }
            ObjectWrites.printObject(inv, t.type(), patched, kind.operation, DryRun.NONE, output);
        }
        refusals.forEach(errors::add);
        return errors.print(inv);
    }

    private static ObjectNode change(Invocation inv, Kind kind, Targets.Target t) {
        ObjectNode obj = t.object().deepCopy();
        ObjectNode spec = obj.path("spec").isObject() ? (ObjectNode) obj.get("spec") : obj.putObject("spec");
        ResourceType type = t.type();
        switch (kind) {
            case PAUSE, RESUME -> {
                if (type != ResourceTypes.DEPLOYMENT) {
                    throw new Refused(kind == Kind.PAUSE ? "pausing is not supported" : "resuming is not supported");
                }
                boolean paused = spec.path("paused").asBoolean(false);
                if (kind == Kind.PAUSE && paused) {
                    throw new Refused("is already paused");
                }
                if (kind == Kind.RESUME && !paused) {
                    throw new Refused("is not paused");
                }
                if (kind == Kind.PAUSE) {
                    spec.put("paused", true);
                } else {
                    // false is Go's zero value: the field goes
                    spec.remove("paused");
                }
            }
            case RESTART -> {
                if (type != ResourceTypes.DEPLOYMENT && type != ResourceTypes.DAEMON_SET) {
                    throw new Refused("restarting is not supported");
                }
                if (spec.path("paused").asBoolean(false)) {
                    throw new Refused("can't restart paused deployment (run rollout resume first)");
                }
                ObjectNode template = spec.path("template").isObject() ? (ObjectNode) spec.get("template")
                        : spec.putObject("template");
                ObjectNode meta = Meta.metadata(template);
                ObjectNode annotations = meta.path("annotations").isObject() ? (ObjectNode) meta.get("annotations")
                        : meta.putObject("annotations");
                // time.Now().Format(time.RFC3339) on kubectl's clock, which here is the simulation's
                annotations.put("kubectl.kubernetes.io/restartedAt", Meta.timestamp(inv.now()));
            }
        }
        return obj;
    }
}
