package kubetutor.engine.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.api.schema.SchemaAdmission;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.ApiStore;
import kubetutor.engine.api.EventRecorder;
import kubetutor.engine.api.service.ServiceAllocations;
import kubetutor.engine.container.SimRuntime;
import kubetutor.engine.controller.ControllerContext;
import kubetutor.engine.controller.Informers;
import kubetutor.engine.controllermanager.ControllerManager;
import kubetutor.engine.image.ImageCatalog;
import kubetutor.engine.kubelet.ContainerRuntime;
import kubetutor.engine.kubelet.Kubelet;
import kubetutor.engine.kubelet.Kubelets;
import kubetutor.engine.network.ClusterNetwork;
import kubetutor.engine.sim.Ids;
import kubetutor.engine.sim.Rng;
import kubetutor.engine.sim.Simulation;
import kubetutor.engine.podlife.PodLifeRecorder;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The whole simulated cluster: clock, generator, API server, control plane and kubelets. Built
 * from a seed and a shape; the same seed and the same commands give the same cluster.
 */
public final class Cluster {
    /** How long before the session starts the lab's cluster was set up (the AGE of its nodes). */
    public static final Duration CLUSTER_AGE = Duration.ofDays(2).plusMinutes(10);

    /** How long before the session the heartbeats start (see the constructor). */
    private static final Duration HEARTBEAT_WARM_UP = Duration.ofMinutes(1);
    private static final ImageCatalog CATALOG = ImageCatalog.standard();

    private final Simulation sim;
    private final Rng rng;
    private final Ids ids;
    private final ApiStore store = new ApiStore();
    private final ApiServer api;
    private final EventRecorder events;
    private final Kubelets kubelets;
    private final ClusterSpec spec;
    private final ContainerRuntime runtime;
    private final PodLifeRecorder podLives;

    public Cluster(long seed, ClusterSpec spec, Function<Simulation, ContainerRuntime> runtimeFactory) {
        this(seed, spec, runtimeFactory, Simulation.EPOCH);
    }

    /**
     * @param epoch when the session starts (the cluster is two days old then): the simulation's own
     *              date, or the wall clock's when real clients compute ages from it ({@code serve})
     */
    public Cluster(long seed, ClusterSpec spec, Function<Simulation, ContainerRuntime> runtimeFactory, Instant epoch) {
        this.spec = spec;
        this.sim = new Simulation(epoch.minus(CLUSTER_AGE));
        this.rng = new Rng(seed);
        this.ids = new Ids(rng);
        this.api = new ApiServer(store, sim, ids);
        // Before anything writes: the recorder sees every pod from its creation on.
        this.podLives = new PodLifeRecorder(store, sim::now);
        api.setAdmission(new SchemaAdmission(ids::suffix));
        api.setAllocations(new ServiceAllocations(store, rng));
        this.events = new EventRecorder(api, sim);
        ControllerManager controllers = ControllerManager.start(new ControllerContext(api, events, sim, new Informers(store), rng));
        this.kubelets = new Kubelets(store, sim);
        this.runtime = runtimeFactory.apply(sim);
        if (runtime instanceof SimRuntime simRuntime) {
            simRuntime.services(new ClusterNetwork(store, rng.fork("kube-proxy"), sim));
        }
        Kubelet.Services services = new Kubelet.Services(api, events, sim, rng, CATALOG, runtime);
        Bootstrap.run(this, services);
        // The two days between kubeadm and the session are not beaten through: 17,280 lease renewals
        // per node that nobody sees would make every session start slow. The kubelets' heartbeats,
        // and the node lifecycle controller's watch over them, begin a minute before the session
        // instead, so that at its start leases and node heartbeats are as recent as on a cluster
        // that had them all along.
        sim.advanceTo(epoch.minus(HEARTBEAT_WARM_UP));
        kubelets.startHeartbeats();
        controllers.startNodeMonitor();
        sim.advanceTo(epoch);
    }

    public static Cluster defaultLab(long seed) {
        return new Cluster(seed, ClusterSpec.kubeadmLab(), SimRuntime::new);
    }

    public Simulation sim() {
        return sim;
    }

    public Rng rng() {
        return rng;
    }

    public Ids ids() {
        return ids;
    }

    public ApiServer api() {
        return api;
    }

    public ApiStore store() {
        return store;
    }

    public EventRecorder events() {
        return events;
    }

    public Kubelets kubelets() {
        return kubelets;
    }

    /** The container runtime every kubelet shares: logs, exec and the pod network. */
    public ContainerRuntime runtime() {
        return runtime;
    }

    public ClusterSpec spec() {
        return spec;
    }

    /** The lives of controllers' pods and the Deployment controller's steps, for timelines. */
    public PodLifeRecorder podLives() {
        return podLives;
    }

    /**
     * Where the API server listens ("IP:6443"): the control-plane node's InternalIP, kubeadm's
     * advertise address; empty when no node has the control-plane role.
     */
    public Optional<String> apiServerAddress() {
        for (ObjectNode node : store.list(ResourceTypes.NODE, "")) {
            if (node.path("metadata").path("labels").has(NodeFactory.TAINT_CONTROL_PLANE)) {
                for (JsonNode a : node.path("status").path("addresses")) {
                    if (a.path("type").asText().equals("InternalIP")) {
                        return Optional.of(a.path("address").asText() + ":6443");
                    }
                }
            }
        }
        return Optional.empty();
    }

}
