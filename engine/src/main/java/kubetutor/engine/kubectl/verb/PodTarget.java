package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.output.Output;

import java.util.ArrayList;
import java.util.List;

/**
 * The pod and container a logs or exec command is about: "POD" or "pod/POD", and -c or kubectl's
 * default container (the default-container annotation, else the first, said on standard error).
 */
record PodTarget(JsonNode pod, String container, JsonNode status) {

    /** A pod named by {@code name} (what kubectl run attaches to). */
    static PodTarget resolve(Invocation inv, String name, String containerFlag) {
        return of(inv, inv.cluster().api().get(ResourceTypes.POD, inv.namespace(), name), containerFlag);
    }

    /** "POD" or "TYPE/NAME", as logs and exec take it, waiting up to --pod-running-timeout for a pod to exist. */
    static PodTarget resolve(Invocation inv, String arg, String containerFlag, PodForObject.Purpose purpose) {
        return of(inv, PodForObject.resolve(inv, arg, purpose), containerFlag);
    }

    static PodTarget of(Invocation inv, JsonNode pod, String containerFlag) {
        String name = Meta.name(pod);
        List<String> names = new ArrayList<>();
        pod.path("spec").path("containers").forEach(c -> names.add(c.path("name").asText()));
        String container = containerFlag;
        if (container == null || container.isEmpty()) {
            String annotated = Meta.annotations(pod).get("kubectl.kubernetes.io/default-container");
            if (annotated != null && names.contains(annotated)) {
                container = annotated;
            } else {
                container = names.get(0);
                if (names.size() > 1) {
                    inv.sink().emit(Output.Error.info("Defaulted container \"" + container + "\" out of: "
                            + String.join(", ", names)));
                }
            }
        } else if (!names.contains(container)) {
            throw new ApiException(ApiException.Reason.BadRequest, "container " + container + " is not valid for pod " + name);
        }
        JsonNode status = null;
        for (JsonNode s : pod.path("status").path("containerStatuses")) {
            if (s.path("name").asText().equals(container)) {
                status = s;
            }
        }
        return new PodTarget(pod, container, status);
    }

    String podName() {
        return Meta.name(pod);
    }

    String phase() {
        return pod.path("status").path("phase").asText("Pending");
    }

    boolean running() {
        return status != null && status.path("state").has("running");
    }

    /** The id of the running container, or empty. */
    String runningId() {
        return running() ? status.path("containerID").asText("") : "";
    }
}
