package kubetutor.engine.kubectl.describe;

import kubetutor.engine.api.ResourceType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The describers kubetutor has, by resource type. A new kind is one class and one line here. */
public final class Describers {
    private static final Map<ResourceType, Describer> BY_TYPE = new LinkedHashMap<>();

    static {
        for (Describer d : List.of(new PodDescriber(), new NodeDescriber(), new NamespaceDescriber(),
                new ReplicationControllerDescriber(), new ReplicaSetDescriber(), new DeploymentDescriber(), new DaemonSetDescriber(),
                new ConfigMapDescriber(), new SecretDescriber(), new ServiceAccountDescriber(), new ServiceDescriber(),
                new EndpointsDescriber(), new EndpointSliceDescriber(), new GenericDescriber())) {
            BY_TYPE.put(d.type(), d);
        }
    }

    private Describers() {}

    public static Optional<Describer> forType(ResourceType type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
