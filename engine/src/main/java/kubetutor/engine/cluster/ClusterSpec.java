package kubetutor.engine.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of the simulated cluster: its nodes. The default is a kubeadm lab (one tainted
 * control-plane node, two workers); {@code --cluster FILE} reads another, e.g.
 * <pre>
 * podSubnet: 10.244.0.0/16   # a /24 per node; a bigger cluster needs a bigger subnet
 * nodes:
 *   - name: master
 *     role: control-plane
 *   - name: worker
 *     count: 200       # worker1 ... worker200
 *     cpu: 4
 *     memory: 8Gi
 * </pre>
 */
public record ClusterSpec(String podSubnet, List<NodeSpec> nodes) {
    public static final String KUBEADM_POD_SUBNET = "10.244.0.0/16";

    public record NodeSpec(String name, boolean controlPlane, int cpu, String memory) {}

    public static ClusterSpec kubeadmLab() {
        return new ClusterSpec(KUBEADM_POD_SUBNET, List.of(
                new NodeSpec("master", true, 2, "4Gi"),
                new NodeSpec("worker1", false, 2, "4Gi"),
                new NodeSpec("worker2", false, 2, "4Gi")));
    }

    public static ClusterSpec read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    public static ClusterSpec parse(String yaml) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        List<NodeSpec> nodes = new ArrayList<>();
        for (JsonNode n : root.path("nodes")) {
            String name = n.path("name").asText();
            if (name.isEmpty()) {
                throw new IOException("every node needs a name");
            }
            boolean cp = n.path("role").asText("worker").equals("control-plane");
            int cpu = n.path("cpu").asInt(2);
            String memory = n.path("memory").asText("4Gi");
            int count = n.path("count").asInt(0);
            if (count <= 0) {
                nodes.add(new NodeSpec(name, cp, cpu, memory));
            } else {
                for (int i = 1; i <= count; i++) {
                    nodes.add(new NodeSpec(name + i, cp, cpu, memory));
                }
            }
        }
        if (nodes.isEmpty()) {
            throw new IOException("the cluster file names no nodes");
        }
        String subnet = root.path("podSubnet").asText(KUBEADM_POD_SUBNET);
        int available;
        try {
            available = PodCidrs.parse(subnet).capacity();
        } catch (RuntimeException e) {
            throw new IOException("podSubnet " + subnet + " is not an IPv4 CIDR of /24 or wider");
        }
        if (nodes.size() > available) {
            throw new IOException("podSubnet " + subnet + " has room for " + available
                    + " nodes with a /24 each, not " + nodes.size());
        }
        return new ClusterSpec(subnet, List.copyOf(nodes));
    }
}
