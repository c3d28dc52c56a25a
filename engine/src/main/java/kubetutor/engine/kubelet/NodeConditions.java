package kubetutor.engine.kubelet;

import java.util.List;

/**
 * The node conditions a healthy kubelet reports (pkg/kubelet/nodestatus setters), in the order it
 * lists them, and the event it records when one comes to that status from another (after a
 * reboot, from the Unknown the node lifecycle controller set).
 */
public final class NodeConditions {
    /** One condition as a healthy kubelet posts it. */
    public record Healthy(String type, String status, String reason, String message, String event) {}

    public static final List<Healthy> HEALTHY = List.of(
            new Healthy("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available",
                    "NodeHasSufficientMemory"),
            new Healthy("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure",
                    "NodeHasNoDiskPressure"),
            new Healthy("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available",
                    "NodeHasSufficientPID"),
            new Healthy("Ready", "True", "KubeletReady", "kubelet is posting ready status", "NodeReady"));

    private NodeConditions() {}

    static Healthy of(String type) {
        for (Healthy h : HEALTHY) {
            if (h.type().equals(type)) {
                return h;
            }
        }
        return null;
    }
}
