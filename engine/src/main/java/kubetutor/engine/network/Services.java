package kubetutor.engine.network;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ApiStore;
import kubetutor.engine.api.ResourceTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Services in the store, as DNS and kube-proxy look them up. */
final class Services {
    private Services() {}

    static List<ServiceView> all(ApiStore store) {
        List<ServiceView> out = new ArrayList<>();
        for (JsonNode svc : store.list(ResourceTypes.SERVICE, null)) {
            out.add(ServiceView.of(svc));
        }
        return out;
    }

    static Optional<ServiceView> byClusterIp(ApiStore store, String ip) {
        for (JsonNode svc : store.list(ResourceTypes.SERVICE, null)) {
            if (svc.path("spec").path("clusterIP").asText("").equals(ip)) {
                return Optional.of(ServiceView.of(svc));
            }
        }
        return Optional.empty();
    }

    static Optional<ServiceView> named(ApiStore store, String namespace, String name) {
        JsonNode svc = store.get(ResourceTypes.SERVICE, namespace, name);
        return svc == null ? Optional.empty() : Optional.of(ServiceView.of(svc));
    }
}
