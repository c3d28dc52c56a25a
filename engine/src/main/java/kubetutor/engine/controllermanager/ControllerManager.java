package kubetutor.engine.controllermanager;

import kubetutor.engine.controller.ControllerContext;
import kubetutor.engine.controller.bootstraptoken.BootstrapSigner;
import kubetutor.engine.controller.bootstraptoken.TokenCleaner;
import kubetutor.engine.controller.daemonset.DaemonSetController;
import kubetutor.engine.controller.endpoint.EndpointsController;
import kubetutor.engine.controller.endpointslice.EndpointSliceController;
import kubetutor.engine.controller.nodelifecycle.NodeLifecycleController;
import kubetutor.engine.controller.tainteviction.TaintEvictionController;
import kubetutor.engine.controller.deployment.DeploymentController;
import kubetutor.engine.controller.garbagecollector.GarbageCollector;
import kubetutor.engine.controller.namespace.NamespaceController;
import kubetutor.engine.controller.replicaset.ReplicaSetController;
import kubetutor.engine.controller.rootcacertpublisher.RootCaCertPublisher;
import kubetutor.engine.controller.serviceaccount.ServiceAccountsController;
import kubetutor.engine.scheduler.Scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The control plane's loops, started in a fixed order on one set of informers: kube-scheduler,
 * then kube-controller-manager's controllers. The order is part of determinism: at one simulated
 * instant, the loop started first handles its queue first. The cluster wires this and nothing else.
 */
public final class ControllerManager {
    private static final List<Function<ControllerContext, Object>> LOOPS = List.of(
            Scheduler::new,
            NamespaceController::new,
            ServiceAccountsController::new,
            GarbageCollector::new,
            DeploymentController::new,
            ReplicaSetController::forReplicationControllers,
            ReplicaSetController::forReplicaSets,
            EndpointsController::new,
            EndpointSliceController::new,
            RootCaCertPublisher::new,
            BootstrapSigner::new,
            TokenCleaner::new,
            DaemonSetController::new,
            NodeLifecycleController::new,
            TaintEvictionController::new);

    private final List<Object> loops;

    private ControllerManager(List<Object> loops) {
        this.loops = loops;
    }

    public static ControllerManager start(ControllerContext ctx) {
        List<Object> loops = new ArrayList<>();
        for (Function<ControllerContext, Object> loop : LOOPS) {
            loops.add(loop.apply(ctx));
        }
        return new ControllerManager(loops);
    }

    /** Starts watching the nodes' heartbeats; the cluster calls it when the kubelets start beating. */
    public void startNodeMonitor() {
        for (Object loop : loops) {
            if (loop instanceof NodeLifecycleController n) {
                n.startMonitor();
            }
        }
    }
}
