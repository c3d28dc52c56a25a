package kubetutor.engine.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiStore;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.selector.LabelSelector;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The event handlers of a controller that owns pods (the ReplicaSet and DaemonSet controllers'
 * addX/updateX/deleteX): changes of its own objects, and pod changes sent to the controller that
 * owns the pod or, for an orphan, to every one whose selector matches it.
 */
public final class OwnerEvents {
    private OwnerEvents() {}

    /** The controller's own kind: a new object, or one whose spec or metadata changed (not a status write). */
    public static Informers.EventHandler owners(WorkQueue<String> queue) {
        return new Informers.EventHandler() {
            @Override
            public void added(ObjectNode obj) {
                queue.add(Keys.of(obj));
            }

            @Override
            public void updated(ObjectNode old, ObjectNode obj) {
                if (!Objects.equals(old.get("spec"), obj.get("spec")) || Meta.isTerminating(old) != Meta.isTerminating(obj)
                        || !Objects.equals(old.path("metadata").get("labels"), obj.path("metadata").get("labels"))
                        || !Objects.equals(old.path("metadata").get("annotations"), obj.path("metadata").get("annotations"))) {
                    queue.add(Keys.of(obj));
                }
            }
        };
    }

    /** Pods, for the controllers of {@code ownerType}, whose selectors {@code selector} reads. */
    public static Informers.EventHandler pods(ApiStore store, ResourceType ownerType,
                                              Function<JsonNode, LabelSelector> selector, WorkQueue<String> queue) {
        return new Informers.EventHandler() {
            @Override
            public void added(ObjectNode pod) {
                enqueueFor(pod);
            }

            @Override
            public void updated(ObjectNode old, ObjectNode pod) {
                if (!matters(old, pod)) {
                    return;
                }
                JsonNode oldRef = Meta.controllerRef(old);
                if (oldRef != null && !oldRef.equals(Meta.controllerRef(pod))) {
                    enqueueOwner(old, oldRef);
                }
                enqueueFor(pod);
            }

            @Override
            public void deleted(ObjectNode pod) {
                JsonNode ref = Meta.controllerRef(pod);
                if (ref != null) {
                    enqueueOwner(pod, ref);
                }
            }

            private void enqueueFor(JsonNode pod) {
                JsonNode ref = Meta.controllerRef(pod);
                if (ref != null) {
                    enqueueOwner(pod, ref);
                } else if (!Meta.isTerminating(pod)) {
                    // An orphan: every controller whose selector matches it may adopt it.
                    Map<String, String> labels = Meta.labels(pod);
                    for (ObjectNode owner : store.list(ownerType, Meta.namespace(pod))) {
                        LabelSelector s = selector.apply(owner);
                        if (!s.isEmpty() && s.matches(labels)) {
                            queue.add(Keys.of(owner));
                        }
                    }
                }
            }

            private void enqueueOwner(JsonNode pod, JsonNode ref) {
                if (ref.path("kind").asText().equals(ownerType.kind())
                        && ref.path("apiVersion").asText().equals(ownerType.apiVersion())) {
                    ObjectNode owner = store.get(ownerType, Meta.namespace(pod), ref.path("name").asText());
                    if (owner != null && Meta.uid(owner).equals(ref.path("uid").asText())) {
                        queue.add(Keys.of(owner));
                    }
                }
            }
        };
    }

    /** Whether a pod's change can change what its controller decides or reports (a status post often cannot). */
    static boolean matters(JsonNode old, JsonNode pod) {
        return Meta.isTerminating(old) != Meta.isTerminating(pod)
                || !Objects.equals(PodConditions.readySince(old), PodConditions.readySince(pod))
                || !old.path("status").path("phase").equals(pod.path("status").path("phase"))
                || !Objects.equals(old.path("metadata").get("labels"), pod.path("metadata").get("labels"))
                || !Objects.equals(old.path("metadata").get("ownerReferences"), pod.path("metadata").get("ownerReferences"));
    }
}
