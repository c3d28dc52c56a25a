package kubetutor.engine.kubectl.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.kubectl.jsonpath.GoValues;

import java.util.Optional;

/**
 * polymorphichelpers' StatusViewers: what {@code kubectl rollout status} says about a deployment or
 * a daemon set each time it sees it, and whether the rollout is over. Pure: the object in, a verdict
 * out, so the rules can be checked table by table.
 */
public final class StatusViewer {
    /** What one look at the object gives. */
    public sealed interface Verdict {
        /** A line to print; {@code done} ends the watch. */
        record Line(String text, boolean done) implements Verdict {}

        /** kubectl gives up with this error (printed after "error: "). */
        record Failed(String message) implements Verdict {}
    }

    private StatusViewer() {}

    /** The viewer of a kind, if kubectl has one (Deployment and DaemonSet here; StatefulSets are not served). */
    public static Optional<java.util.function.BiFunction<JsonNode, Long, Verdict>> of(ResourceType type) {
        if (type == ResourceTypes.DEPLOYMENT) {
            return Optional.of(StatusViewer::deployment);
        }
        if (type == ResourceTypes.DAEMON_SET) {
            return Optional.of((ds, revision) -> daemonSet(ds));
        }
        return Optional.empty();
    }

    /** DeploymentStatusViewer.Status: the checks in kubectl's order; {@code revision} > 0 pins one. */
    public static Verdict deployment(JsonNode d, long revision) {
        String name = GoValues.goQuote(d.path("metadata").path("name").asText(""));
        if (revision > 0) {
            String annotation = d.path("metadata").path("annotations").path(DeploymentRevisions.REVISION).asText("0");
            long running;
            try {
                running = Long.parseLong(annotation);
            } catch (NumberFormatException e) {
                return new Verdict.Failed("cannot get the revision of deployment " + name + ": strconv.ParseInt: parsing "
                        + GoValues.goQuote(annotation) + ": invalid syntax");
            }
            if (running != revision) {
                return new Verdict.Failed("desired revision (" + revision + ") is different from the running revision ("
                        + running + ")");
            }
        }
        JsonNode status = d.path("status");
        if (d.path("metadata").path("generation").asLong() > status.path("observedGeneration").asLong()) {
            return new Verdict.Line("Waiting for deployment spec update to be observed...", false);
        }
        for (JsonNode c : status.path("conditions")) {
            if (c.path("type").asText().equals("Progressing") && c.path("reason").asText().equals("ProgressDeadlineExceeded")) {
                return new Verdict.Failed("deployment " + name + " exceeded its progress deadline");
            }
        }
        long updated = status.path("updatedReplicas").asLong();
        long total = status.path("replicas").asLong();
        long available = status.path("availableReplicas").asLong();
        JsonNode specReplicas = d.path("spec").path("replicas");
        if (specReplicas.isNumber() && updated < specReplicas.asLong()) {
            return new Verdict.Line("Waiting for deployment " + name + " rollout to finish: " + updated + " out of "
                    + specReplicas.asLong() + " new replicas have been updated...", false);
        }
        if (total > updated) {
            return new Verdict.Line("Waiting for deployment " + name + " rollout to finish: " + (total - updated)
                    + " old replicas are pending termination...", false);
        }
        if (available < updated) {
            return new Verdict.Line("Waiting for deployment " + name + " rollout to finish: " + available + " of " + updated
                    + " updated replicas are available...", false);
        }
        return new Verdict.Line("deployment " + name + " successfully rolled out", true);
    }

    /** DaemonSetStatusViewer.Status (revisions are ignored: daemon sets keep no history kubectl pins). */
    public static Verdict daemonSet(JsonNode ds) {
        String strategy = ds.path("spec").path("updateStrategy").path("type").asText("RollingUpdate");
        if (!strategy.equals("RollingUpdate")) {
            return new Verdict.Failed("rollout status is only available for RollingUpdate strategy type");
        }
        JsonNode status = ds.path("status");
        if (ds.path("metadata").path("generation").asLong() > status.path("observedGeneration").asLong()) {
            return new Verdict.Line("Waiting for daemon set spec update to be observed...", false);
        }
        String name = GoValues.goQuote(ds.path("metadata").path("name").asText(""));
        long desired = status.path("desiredNumberScheduled").asLong();
        long updated = status.path("updatedNumberScheduled").asLong();
        long available = status.path("numberAvailable").asLong();
        if (updated < desired) {
            return new Verdict.Line("Waiting for daemon set " + name + " rollout to finish: " + updated + " out of " + desired
                    + " new pods have been updated...", false);
        }
        if (available < desired) {
            return new Verdict.Line("Waiting for daemon set " + name + " rollout to finish: " + available + " of " + desired
                    + " updated pods are available...", false);
        }
        return new Verdict.Line("daemon set " + name + " successfully rolled out", true);
    }
}
