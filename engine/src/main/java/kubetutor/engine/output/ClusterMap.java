package kubetutor.engine.output;

import java.util.List;

/**
 * A map of the cluster: each node with its state and pod CIDR, and the pods it runs. A value for
 * front ends to draw ({@link ClusterMapText} as text boxes, the kernel as SVG).
 *
 * @param namespace the namespace whose pods are shown, or null for all namespaces
 */
public record ClusterMap(String namespace, List<Node> nodes, List<Pod> unscheduled) {
    public ClusterMap {
        nodes = List.copyOf(nodes);
        unscheduled = List.copyOf(unscheduled);
    }

    /** What the machine under a node is doing: the API server's status lags behind a switched-off one. */
    public enum Machine { RUNNING, BOOTING, STOPPED }

    /**
     * One node.
     *
     * @param status     as {@code kubectl get nodes} prints it (Ready, NotReady, Ready,SchedulingDisabled)
     * @param hidden     pods on the node in other namespaces, counted but not shown
     */
    public record Node(String name, String roles, String status, Style style, Machine machine, String podCidr,
                       List<Pod> pods, int hidden) {
        public Node {
            pods = List.copyOf(pods);
        }
    }

    /** A pod, with its STATUS as {@code kubectl get pods} prints it and what that status means. */
    public record Pod(String namespace, String name, String status, Style style) {}
}
