package kubetutor.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.container.SimRuntime;

import java.util.ArrayList;
import java.util.List;

/**
 * The running container a pods/exec, pods/attach or pods/portforward request reaches, or the error
 * the API server (or the kubelet behind it) answers before any stream opens.
 */
public record StreamTarget(String namespace, String pod, String container, String containerId, String podIp) {

    /**
     * The kubelet's refusal, which the API server relays as it came: plain text, not a Status, so
     * kubectl prints it after "unable to upgrade connection: ".
     */
    public static final class KubeletRefusal extends RuntimeException {
        public KubeletRefusal(String message) {
            super(message, null, false, false);
        }

        public RestResponse response() {
            return RestResponse.text(404, getMessage());
        }
    }

    /** Resolves {@code r}'s pod and container; throws the API's error when there is no running container to reach. */
    public static StreamTarget resolve(Cluster cluster, RestRequest r) {
        ApiPath p = ApiPath.parse(r.path()).filter(x -> x.type() == ResourceTypes.POD && x.name() != null)
                .orElseThrow(() -> new ApiException(ApiException.Reason.NotFound, "the server could not find the requested resource"));
        ObjectNode pod = cluster.store().get(ResourceTypes.POD, p.namespace(), p.name());
        if (pod == null) {
            throw new ApiException(ApiException.Reason.NotFound, "pods \"" + p.name() + "\" not found");
        }
        List<String> names = new ArrayList<>();
        pod.path("spec").path("containers").forEach(c -> names.add(c.path("name").asText()));
        String container = r.param("container");
        if (container == null || container.isEmpty()) {
            if (names.size() != 1 && !p.subresource().equals("portforward")) {
                throw new ApiException(ApiException.Reason.BadRequest, "a container name must be specified for pod "
                        + p.name() + ", choose one of: [" + String.join(" ", names) + "]");
            }
            container = names.isEmpty() ? "" : names.get(0);
        } else if (!names.contains(container)) {
            throw new ApiException(ApiException.Reason.BadRequest, "container " + container + " is not valid for pod " + p.name());
        }
        String phase = pod.path("status").path("phase").asText();
        if (!p.subresource().equals("portforward") && (phase.equals("Succeeded") || phase.equals("Failed"))) {
            throw new ApiException(ApiException.Reason.BadRequest, "cannot exec into a container in a completed pod; current phase is " + phase);
        }
        String id = "";
        for (JsonNode s : pod.path("status").path("containerStatuses")) {
            if (s.path("name").asText().equals(container) && s.path("state").has("running")) {
                id = s.path("containerID").asText("");
            }
        }
        if (id.isEmpty() || !(cluster.runtime() instanceof SimRuntime sim) || !sim.running(id)) {
            throw new KubeletRefusal(p.subresource().equals("attach")
                    ? "container " + container + " not found in pod " + p.name() + "_" + p.namespace()
                    : "container not found (\"" + container + "\")");
        }
        return new StreamTarget(p.namespace(), p.name(), container, id, pod.path("status").path("podIP").asText(""));
    }
}
