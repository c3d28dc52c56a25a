package kubetutor.engine.controllermanager;

import kubetutor.engine.controller.ControllerContext;
import kubetutor.engine.controller.garbagecollector.GarbageCollector;
import kubetutor.engine.controller.namespace.NamespaceController;
import kubetutor.engine.controller.replicaset.ReplicaSetController;
import kubetutor.engine.scheduler.Scheduler;

import java.util.List;
import java.util.function.Function;

/**
 * The control plane's loops, started in a fixed order on one set of informers: kube-scheduler,
 * then kube-controller-manager's controllers. The order is part of determinism: at one simulated
 * instant, the loop started first handles its queue first. The cluster wires this and nothing else.
 */
public final class ControllerManager {
    /** A loop by the name kube-controller-manager's --controllers flag knows it by. */
    private record Descriptor(String name, Function<ControllerContext, Object> start) {}

    private static final List<Descriptor> LOOPS = List.of(
            new Descriptor("scheduler", Scheduler::new),
            new Descriptor("namespace-controller", NamespaceController::new),
            new Descriptor("garbage-collector-controller", GarbageCollector::new),
            new Descriptor("replicationcontroller-controller", ReplicaSetController::forReplicationControllers),
            new Descriptor("replicaset-controller", ReplicaSetController::forReplicaSets));

    private ControllerManager() {}

    public static void start(ControllerContext ctx) {
        for (Descriptor d : LOOPS) {
            d.start().apply(ctx);
        }
    }
}
