package kubetutor.engine.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;

/**
 * controller.GetPodFromTemplate: a new pod of a controller's template, named by the API server
 * after the controller ({@code NAME-} and five characters), owned by it.
 */
public final class PodFromTemplate {
    private PodFromTemplate() {}

    public static ObjectNode of(JsonNode owner, JsonNode template, ObjectNode controllerRef) {
        ObjectNode pod = Meta.JSON.objectNode();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        ObjectNode meta = pod.putObject("metadata");
        meta.put("generateName", Meta.name(owner) + "-");
        meta.put("namespace", Meta.namespace(owner));
        for (String field : new String[] {"labels", "annotations", "finalizers"}) {
            JsonNode v = template.path("metadata").get(field);
            if (v != null && !v.isEmpty()) {
                meta.set(field, v.deepCopy());
            }
        }
        meta.putArray("ownerReferences").add(controllerRef);
        pod.set("spec", template.path("spec").deepCopy());
        return pod;
    }
}
