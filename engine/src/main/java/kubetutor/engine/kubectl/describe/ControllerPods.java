package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.selector.LabelSelector;

/**
 * describe.go getPodStatusForController: the pods a controller owns, counted by phase. kubectl lists
 * the pods its selector matches and keeps those whose controller reference carries its uid, so
 * orphans and pods of another controller do not count, and terminating pods (still Running) do.
 */
record ControllerPods(int running, int waiting, int succeeded, int failed) {

    /** For an apps/v1 selector: a missing one (LabelSelectorAsSelector's Nothing) matches no pod. */
    static ControllerPods of(DescribeContext ctx, JsonNode controller, JsonNode selector) {
        return selector.isObject() ? of(ctx, controller, LabelSelector.fromApi(selector)) : new ControllerPods(0, 0, 0, 0);
    }

    static ControllerPods of(DescribeContext ctx, JsonNode controller, LabelSelector selector) {
        int running = 0;
        int waiting = 0;
        int succeeded = 0;
        int failed = 0;
        for (JsonNode pod : ctx.list(ResourceTypes.POD, Meta.namespace(controller))) {
            JsonNode ref = Meta.controllerRef(pod);
            if (!selector.matches(Meta.labels(pod)) || ref == null || !ref.path("uid").asText("").equals(Meta.uid(controller))) {
                continue;
            }
            switch (pod.path("status").path("phase").asText("")) {
                case "Running" -> running++;
                case "Pending" -> waiting++;
                case "Succeeded" -> succeeded++;
                case "Failed" -> failed++;
                default -> { }
            }
        }
        return new ControllerPods(running, waiting, succeeded, failed);
    }

    /** The "Pods Status:" value. */
    @Override
    public String toString() {
        return running + " Running / " + waiting + " Waiting / " + succeeded + " Succeeded / " + failed + " Failed";
    }
}
