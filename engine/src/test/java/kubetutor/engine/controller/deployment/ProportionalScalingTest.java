package kubetutor.engine.controller.deployment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A deployment scaled while its ReplicaSets disagree (sync.go scale()): the pods added or removed
 * are shared out by the ReplicaSets' sizes, leftovers to the largest.
 */
class ProportionalScalingTest {

    /**
     * ReplicaSets are "name:spec/available@desired,max" (the annotations they were last sized
     * with), oldest first; the result "name:from>to" for each one written.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // the Kubernetes documentation's example: a stuck rollout of 10 (surge 3, unavailable 2) scaled to 15
            "stuck rollout scaled up    | 15 | 3 | 2 | old:8/8@10,13 new:5/0@10,13  | old:8>11 new:5>7",
            "stuck rollout scaled down  | 5  | 3 | 2 | old:8/8@10,13 new:5/0@10,13  | old:8>5 new:5>3",
            "scaled to zero             | 0  | 3 | 2 | old:8/8@10,13 new:5/0@10,13  | old:8>0 new:5>0",
            // one ReplicaSet wants pods: it simply takes the new count
            "one active ReplicaSet      | 5  | 1 | 0 | old:0/0@3,4 new:3/3@3,4      | new:3>5",
            // a new ReplicaSet that has everything retires the old ones, without proportions
            "saturated new ReplicaSet   | 3  | 1 | 0 | old:1/1@3,4 new:3/3@3,4      | old:1>0",
            // nothing to add: only annotations brought up to date, no size changes
            "same total                 | 10 | 3 | 2 | old:8/8@10,12 new:5/0@10,12 | old:8>8 new:5>5",
    })
    void decide(String name, int replicas, int surge, int unavailable, String sets, String expected) {
        DeploymentSpec d = RollingArithmeticTest.rolling(replicas, Integer.toString(surge), Integer.toString(unavailable));
        List<ReplicaSetState> old = new ArrayList<>();
        ReplicaSetState neu = null;
        String[] items = sets.trim().split(" ");
        for (int i = 0; i < items.length; i++) {
            ReplicaSetState rs = parse(items[i], i);
            if (rs.name().equals("new")) {
                neu = rs;
            } else {
                old.add(rs);
            }
        }
        List<String> got = ProportionalScaling.decide(d, 0, neu, old).stream()
                .map(s -> s.name() + ":" + s.from() + ">" + s.to()).sorted().toList();
        List<String> want = List.of(expected.trim().split(" ")).stream().sorted().toList();
        assertEquals(want, got);
    }

    private static ReplicaSetState parse(String item, int minute) {
        String[] nameRest = item.split(":");
        String[] specRest = nameRest[1].split("/");
        String[] availRest = specRest[1].split("@");
        String[] annotations = availRest[1].split(",");
        ReplicaSetState rs = RollingArithmeticTest.rs(nameRest[0], minute, Integer.parseInt(specRest[0]),
                Integer.parseInt(availRest[0]));
        ObjectNode a = ((ObjectNode) rs.object().get("metadata")).putObject("annotations");
        a.put(ReplicaSetState.DESIRED_REPLICAS, annotations[0]);
        a.put(ReplicaSetState.MAX_REPLICAS, annotations[1]);
        return rs;
    }
}
