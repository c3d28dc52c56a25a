package kubetutor.engine.scheduler;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The filters, one row per reason kube-scheduler gives (an empty reason: the node fits). */
class FitTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            fits | {} | {} | 0 | 0 |
            cordoned | {"unschedulable":true} | {} | 0 | 0 | node(s) were unschedulable
            cordoned, tolerated | {"unschedulable":true} | {"tolerations":[{"key":"node.kubernetes.io/unschedulable","operator":"Exists"}]} | 0 | 0 |
            tainted | {"taints":[{"key":"dedicated","value":"gpu","effect":"NoSchedule"}]} | {} | 0 | 0 | node(s) had untolerated taint {dedicated: gpu}
            taint tolerated | {"taints":[{"key":"dedicated","value":"gpu","effect":"NoSchedule"}]} | {"tolerations":[{"key":"dedicated","value":"gpu","effect":"NoSchedule"}]} | 0 | 0 |
            every taint tolerated | {"taints":[{"key":"dedicated","value":"gpu","effect":"NoExecute"}]} | {"tolerations":[{"operator":"Exists"}]} | 0 | 0 |
            other effect tolerated | {"taints":[{"key":"dedicated","value":"gpu","effect":"NoSchedule"}]} | {"tolerations":[{"key":"dedicated","operator":"Exists","effect":"NoExecute"}]} | 0 | 0 | node(s) had untolerated taint {dedicated: gpu}
            taint only preferred | {"taints":[{"key":"dedicated","effect":"PreferNoSchedule"}]} | {} | 0 | 0 |
            selector not matched | {} | {"nodeSelector":{"disk":"ssd"}} | 0 | 0 | node(s) didn't match Pod's node affinity/selector
            selector matched | {} | {"nodeSelector":{"disk":"hdd"}} | 0 | 0 |
            daemon pod, its node | {} | {"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchFields":[{"key":"metadata.name","operator":"In","values":["worker"]}]}]}}}} | 0 | 0 |
            daemon pod, other node | {} | {"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchFields":[{"key":"metadata.name","operator":"In","values":["worker9"]}]}]}}}} | 0 | 0 | node(s) didn't match Pod's node affinity/selector
            one term of two holds | {} | {"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"disk","operator":"In","values":["ssd"]}]},{"matchExpressions":[{"key":"disk","operator":"NotIn","values":["ssd"]}]}]}}}} | 0 | 0 |
            label compared | {} | {"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"disk","operator":"Gt","values":["1"]}]}]}}}} | 0 | 0 | node(s) didn't match Pod's node affinity/selector
            empty term | {} | {"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{}]}}}} | 0 | 0 | node(s) didn't match Pod's node affinity/selector
            selector and affinity | {} | {"nodeSelector":{"disk":"ssd"},"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"disk","operator":"Exists"}]}]}}}} | 0 | 0 | node(s) didn't match Pod's node affinity/selector
            pod count full | {} | {} | 110 | 0 | Too many pods
            cpu taken | {} | {"containers":[{"resources":{"requests":{"cpu":"500m"}}}]} | 0 | 1600 | Insufficient cpu
            memory taken | {} | {"containers":[{"resources":{"requests":{"memory":"1Gi"}}}]} | 0 | 0 | Insufficient memory
            """)
    void rejects(String test, String nodeSpec, String podSpec, int usedPods, long usedCpu, String reason) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree("""
                {"metadata":{"name":"worker","labels":{"disk":"hdd"}},"spec":%s,
                 "status":{"allocatable":{"cpu":"2","memory":"2Gi","pods":"110"}}}""".formatted(nodeSpec));
        ObjectNode pod = (ObjectNode) JSON.readTree("{\"spec\":" + podSpec + "}");
        NodeUsage.Used used = new NodeUsage.Used();
        used.pods = usedPods;
        used.cpu = usedCpu;
        used.memory = 1536L << 20;
        assertEquals(reason, new Fit(pod).reject(NodeInfo.of(node), used));
    }
}
