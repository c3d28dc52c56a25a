package kubetutor.engine.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ApiException;

/** Which container's log the kubelet serves for a pod's container, or why it has none to serve yet. */
public final class LogSource {
    private LogSource() {}

    /**
     * The containerID to read, from the container's status (null when it has none yet).
     *
     * @param previous the instance before the last restart ({@code --previous})
     */
    public static String containerId(JsonNode status, String pod, String container, boolean previous) {
        String where = "container \"" + container + "\" in pod \"" + pod + "\"";
        if (previous) {
            JsonNode last = status == null ? null : status.path("lastState").get("terminated");
            if (last == null) {
                throw new ApiException(ApiException.Reason.BadRequest, "previous terminated " + where + " not found");
            }
            return last.path("containerID").asText();
        }
        if (status == null) {
            throw new ApiException(ApiException.Reason.BadRequest, where + " is waiting to start: ContainerCreating");
        }
        JsonNode state = status.path("state");
        if (state.has("running")) {
            return status.path("containerID").asText();
        }
        if (state.has("terminated")) {
            return state.path("terminated").path("containerID").asText();
        }
        JsonNode last = status.path("lastState").get("terminated");
        if (last != null) {
            return last.path("containerID").asText();
        }
        String reason = state.path("waiting").path("reason").asText("ContainerCreating");
        if (reason.equals("ErrImagePull") || reason.equals("ImagePullBackOff")) {
            throw new ApiException(ApiException.Reason.BadRequest, where + " is waiting to start: trying and failing to pull image");
        }
        throw new ApiException(ApiException.Reason.BadRequest, where + " is waiting to start: " + reason);
    }
}
