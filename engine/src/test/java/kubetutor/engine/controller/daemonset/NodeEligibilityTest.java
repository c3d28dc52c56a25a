package kubetutor.engine.controller.daemonset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** NodeShouldRunDaemonPod: should a node get the pod, may a pod there stay. */
class NodeEligibilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain worker | {} | {} | true | true
            control plane, not tolerated | {"taints":[{"key":"node-role.kubernetes.io/control-plane","effect":"NoSchedule"}]} | {} | false | true
            control plane, tolerated | {"taints":[{"key":"node-role.kubernetes.io/control-plane","effect":"NoSchedule"}]} | {"tolerations":[{"operator":"Exists"}]} | true | true
            unreachable: no new pod, the old one stays | {"taints":[{"key":"node.kubernetes.io/unreachable","effect":"NoSchedule"},{"key":"node.kubernetes.io/unreachable","effect":"NoExecute"}]} | {} | false | true
            cordoned: the daemon toleration | {"unschedulable":true,"taints":[{"key":"node.kubernetes.io/unschedulable","effect":"NoSchedule"}]} | {} | true | true
            NoExecute not tolerated | {"taints":[{"key":"dedicated","value":"db","effect":"NoExecute"}]} | {} | false | false
            selector not matched | {} | {"nodeSelector":{"disk":"ssd"}} | false | false
            selector matched | {} | {"nodeSelector":{"disk":"hdd"}} | true | true
            another node named | {} | {"nodeName":"worker9"} | false | false
            """)
    void verdicts(String test, String nodeSpec, String podSpec, boolean shouldRun, boolean mayStay) throws Exception {
        JsonNode node = JSON.readTree("{\"metadata\":{\"name\":\"worker1\",\"labels\":{\"disk\":\"hdd\"}},\"spec\":" + nodeSpec + "}");
        JsonNode ds = JSON.readTree("{\"spec\":{\"template\":{\"spec\":" + podSpec + "}}}");
        assertEquals(new NodeEligibility.Verdict(shouldRun, mayStay), new NodeEligibility(ds).of(node));
    }
}
