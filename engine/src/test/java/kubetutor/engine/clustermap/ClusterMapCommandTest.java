package kubetutor.engine.clustermap;

import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.output.ClusterMap;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The cluster map of a fresh lab: three nodes, each with its pod CIDR, and the system pods where they run. */
class ClusterMapCommandTest {
    @Test
    void everyNamespaceShowsTheSystemPodsOnTheirNodes() {
        Cluster cluster = Cluster.defaultLab(1);
        ClusterMap map = ClusterMapCommand.map(null, cluster.store(), cluster.kubelets(), cluster.sim().now());
        assertEquals(List.of("master", "worker1", "worker2"), map.nodes().stream().map(ClusterMap.Node::name).toList());
        assertEquals(List.of("10.244.0.0/24", "10.244.1.0/24", "10.244.2.0/24"),
                map.nodes().stream().map(ClusterMap.Node::podCidr).toList());
        assertEquals(7, map.nodes().get(0).pods().size());
        assertEquals("kube-system", map.nodes().get(0).pods().get(0).namespace());
        assertEquals(0, map.nodes().get(0).hidden());
    }

    @Test
    void oneNamespaceCountsTheOthers() {
        Cluster cluster = Cluster.defaultLab(1);
        ClusterMap map = ClusterMapCommand.map("default", cluster.store(), cluster.kubelets(), cluster.sim().now());
        assertEquals(List.of(7, 1, 1), map.nodes().stream().map(ClusterMap.Node::hidden).toList());
        assertEquals(List.of(), map.nodes().get(1).pods());
    }
}
