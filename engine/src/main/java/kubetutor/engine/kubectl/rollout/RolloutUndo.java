package kubetutor.engine.kubectl.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.kubectl.Aggregate;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.Targets;
import kubetutor.engine.kubectl.describe.PodTemplateText;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * kubectl rollout undo (rollout_undo.go, polymorphichelpers/rollback.go). Rolling a deployment back
 * is kubectl's own work, not the server's: it finds the ReplicaSet of the revision wanted (the one
 * before the latest by default), and writes its pod template, without the pod-template-hash label,
 * back into the deployment together with the ReplicaSet's annotations. The deployment controller then
 * takes that ReplicaSet as the new one and gives it the next revision number.
 */
final class RolloutUndo {
    /** Annotations the deployment keeps its own of, never taking the ReplicaSet's (annotationsToSkip). */
    private static final Set<String> KEPT = Set.of(ObjectWrites.LAST_APPLIED, DeploymentRevisions.REVISION,
            "deployment.kubernetes.io/revision-history", "deployment.kubernetes.io/desired-replicas",
            "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to");

    private RolloutUndo() {}

    /** A rollback's result: the name printer's operation, or an error. */
    private record Result(String operation, String error) {
        static Result of(String operation) {
            return new Result(operation, null);
        }

        static Result failed(String error) {
            return new Result(null, error);
        }
    }

    static int run(Invocation inv, List<String> words) {
        DryRun dryRun = DryRun.of(inv);
        RolloutArgs.requireResource(inv, words);
        long toRevision = RolloutArgs.revision(inv, "to-revision");
        String output = ObjectWrites.outputFormat(inv);
        Targets.Found found = Targets.resolve(inv, words, true);
        Aggregate errors = new Aggregate();
        errors.addAll(found.errors());
        for (Targets.Target t : found.targets()) {
            Result r;
            if (t.type() == ResourceTypes.DEPLOYMENT) {
                r = deployment(inv, t, toRevision, dryRun);
            } else if (t.type() == ResourceTypes.DAEMON_SET) {
                r = daemonSet(toRevision);
            } else {
                r = Result.failed("no rollbacker has been implemented for \"" + RolloutArgs.groupKind(t.type()) + "\"");
            }
            if (r.error() != null) {
                errors.add(r.error());
                continue;
            }
            // kubectl prints the object as it read it, before the rollback
            ObjectWrites.printObject(inv, t.type(), t.object(), r.operation(), dryRun, output);
        }
        return errors.print(inv);
    }

    private static Result deployment(Invocation inv, Targets.Target t, long toRevision, DryRun dryRun) {
        if (toRevision < 0) {
            return Result.failed(notFound(toRevision));
        }
        ObjectNode deployment = inv.cluster().store().get(ResourceTypes.DEPLOYMENT, t.namespace(), t.name());
        if (deployment == null) {
            return Result.failed("failed to retrieve Deployment " + t.name() + ": "
                    + ApiException.notFound(ResourceTypes.DEPLOYMENT, t.name()).getMessage());
        }
        List<DeploymentRevisions.Revision> revisions = DeploymentRevisions.of(inv.cluster().store(), deployment);
        DeploymentRevisions.Revision target = pick(revisions, toRevision);
        if (target == null) {
            return Result.failed(toRevision > 0 ? notFound(toRevision)
                    : "no rollout history found for deployment \"" + t.name() + "\"");
        }
        if (dryRun == DryRun.CLIENT) {
            return Result.of(PodTemplateText.of(target.template()));
        }
        if (deployment.path("spec").path("paused").asBoolean(false)) {
            return Result.failed("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
        }
        if (DeploymentRevisions.sameTemplate(target.template(), deployment.path("spec").path("template"))) {
            return Result.of("skipped rollback (current template already matches revision " + toRevision + ")");
        }
        ObjectNode next = deployment.deepCopy();
        ((ObjectNode) next.get("spec")).set("template", DeploymentRevisions.withoutHash(target.template()));
        Map<String, String> annotations = new TreeMap<>();
        Meta.annotations(deployment).forEach((k, v) -> {
            if (KEPT.contains(k)) {
                annotations.put(k, v);
            }
        });
        Meta.annotations(target.replicaSet()).forEach((k, v) -> {
            if (!KEPT.contains(k)) {
                annotations.put(k, v);
            }
        });
        ObjectNode meta = Meta.metadata(next);
        meta.remove("annotations");
        if (!annotations.isEmpty()) {
            ObjectNode a = meta.putObject("annotations");
            annotations.forEach(a::put);
        }
        try {
            inv.cluster().api().update(ResourceTypes.DEPLOYMENT, next, dryRun == DryRun.SERVER);
        } catch (ApiException e) {
            return Result.failed("failed restoring revision " + toRevision + ": " + e.getMessage());
        }
        return Result.of("rolled back");
    }

    /**
     * deploymentRevision: the ReplicaSet of {@code toRevision}, or with 0 the one of the second
     * highest revision (the one the deployment ran before the current one).
     */
    private static DeploymentRevisions.Revision pick(List<DeploymentRevisions.Revision> revisions, long toRevision) {
        DeploymentRevisions.Revision latest = null;
        DeploymentRevisions.Revision previous = null;
        for (DeploymentRevisions.Revision r : revisions) {
            if (toRevision > 0) {
                if (r.number() == toRevision) {
                    return r;
                }
                continue;
            }
            if (latest == null || latest.number() < r.number()) {
                previous = latest;
                latest = r;
            } else if (previous == null || previous.number() < r.number()) {
                previous = r;
            }
        }
        return toRevision > 0 ? null : previous;
    }

    /** DaemonSets keep their revisions in ControllerRevisions, which kubetutor does not serve. */
    private static Result daemonSet(long toRevision) {
        if (toRevision < 0) {
            return Result.failed(notFound(toRevision));
        }
        return Result.failed(toRevision == 0 ? "no last revision to roll back to" : notFound(toRevision));
    }

    private static String notFound(long revision) {
        return "unable to find specified revision " + revision + " in history";
    }
}
