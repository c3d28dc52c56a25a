package kubetutor.engine.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The scaling decisions of a rolling update, step by step, against the reference traces of
 * ../shared/reference/kubernetes.md §5.3: each step is one sync of the controller, and pods of a
 * healthy template become available before the next one.
 */
class RollingArithmeticTest {

    @ParameterizedTest(name = "{0} replicas, maxSurge {1}, maxUnavailable {2}: surge {3}, unavailable {4}")
    @CsvSource({
            "3, 25%, 25%, 1, 0",
            "4, 25%, 25%, 1, 1",
            "10, 25%, 25%, 3, 2",
            "10, 3, 2, 3, 2",
            "3, 0, 1, 0, 1",
            // both round to zero: one pod may be unavailable
            "5, 0, 10%, 0, 1",
            // the surge rounds up, the unavailable count down
            "2, 1%, 1%, 1, 0",
            "1, 0%, 0%, 0, 1",
            "0, 25%, 25%, 0, 0",
    })
    void fenceposts(int replicas, String surge, String unavailable, int expectedSurge, int expectedUnavailable) {
        DeploymentSpec d = rolling(replicas, surge, unavailable);
        assertEquals(expectedSurge, d.surge());
        assertEquals(expectedUnavailable, d.unavailable());
    }

    @ParameterizedTest(name = "{0} replicas, maxSurge {1}, maxUnavailable {2}, healthy {3}: {4}")
    @CsvSource(delimiter = '|', value = {
            "3  | 25% | 25% | true  | (0,3) (1,3) (1,2) (2,2) (2,1) (3,1) (3,0)",
            "10 | 3   | 2   | true  | (0,10) (3,10) (3,5) (8,5) (8,0) (10,0)",
            "10 | 25% | 25% | true  | (0,10) (3,10) (3,5) (8,5) (8,0) (10,0)",
            "4  | 25% | 25% | true  | (0,4) (1,4) (1,2) (3,2) (3,0) (4,0)",
            "3  | 0   | 1   | true  | (0,3) (0,2) (1,2) (1,1) (2,1) (2,0) (3,0)",
            // a template whose pods never become available: the rollout holds where Kubernetes holds
            "3  | 25% | 25% | false | (0,3) (1,3)",
            "10 | 3   | 2   | false | (0,10) (3,10) (3,8) (5,8)",
    })
    void traces(int replicas, String surge, String unavailable, boolean healthy, String expected) {
        DeploymentSpec d = rolling(replicas, surge, unavailable);
        int newSpec = 0;
        int oldSpec = replicas;
        List<String> trace = new ArrayList<>(List.of(pair(newSpec, oldSpec)));
        for (int sync = 0; sync < 50; sync++) {
            // What the ReplicaSets report before this sync: old pods are all available, new ones if healthy.
            ReplicaSetState old = rs("old", 0, oldSpec, oldSpec);
            ReplicaSetState neu = rs("new", 1, newSpec, healthy ? newSpec : 0);
            List<ReplicaSetState> all = List.of(old, neu);
            if (newSpec != replicas) {
                int next = newSpec > replicas ? replicas : RollingArithmetic.newReplicaSetReplicas(d, all, newSpec);
                if (next != newSpec) {
                    newSpec = next;
                    trace.add(pair(newSpec, oldSpec));
                    continue;
                }
            }
            List<Scale> downs = RollingArithmetic.oldReplicaSetScaleDowns(d, all, ReplicaSetState.active(List.of(old)), neu);
            if (downs.isEmpty()) {
                break;
            }
            oldSpec = downs.get(downs.size() - 1).to();
            trace.add(pair(newSpec, oldSpec));
        }
        assertEquals(expected, String.join(" ", trace));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // the new ReplicaSet's pods that are not available yet count against the minimum: nothing may go
            "new pods count as missing   | 3 | 1 | 0 | 3,3     | 1,0 | ",
            // unavailable old pods go first, then available ones down to the minimum: one ReplicaSet twice
            "unhealthy old pods go first | 4 | 1 | 2 | 4,3     | 1,1 | old:4>3 old:3>1",
            // two old ReplicaSets: the oldest shrinks first
            "oldest first                | 4 | 1 | 2 | 2,2;2,2 | 1,1 | a:2>0 b:2>1",
    })
    void oldScaleDowns(String name, int replicas, int surge, int unavailable, String oldSets, String newSet, String expected) {
        DeploymentSpec d = rolling(replicas, Integer.toString(surge), Integer.toString(unavailable));
        List<ReplicaSetState> old = new ArrayList<>();
        String[] sets = oldSets.split(";");
        for (int i = 0; i < sets.length; i++) {
            String[] f = sets[i].split(",");
            old.add(rs(sets.length == 1 ? "old" : String.valueOf((char) ('a' + i)), i, Integer.parseInt(f[0]),
                    Integer.parseInt(f[1])));
        }
        String[] n = newSet.split(",");
        ReplicaSetState neu = rs("new", 9, Integer.parseInt(n[0]), Integer.parseInt(n[1]));
        List<ReplicaSetState> all = new ArrayList<>(old);
        all.add(neu);
        List<String> got = RollingArithmetic.oldReplicaSetScaleDowns(d, all, old, neu).stream()
                .map(s -> s.name() + ":" + s.from() + ">" + s.to()).toList();
        assertEquals(expected == null ? "" : expected, String.join(" ", got));
    }

    static DeploymentSpec rolling(int replicas, String surge, String unavailable) {
        return new DeploymentSpec(replicas, false, intOrPercent(surge), intOrPercent(unavailable), 0, 600, 10, false);
    }

    private static JsonNode intOrPercent(String v) {
        return v.endsWith("%") ? Meta.JSON.textNode(v) : Meta.JSON.numberNode(Integer.parseInt(v));
    }

    /** A ReplicaSet created {@code minute} minutes into the hour, wanting {@code spec} pods, {@code available} of them available. */
    static ReplicaSetState rs(String name, int minute, int spec, int available) {
        ObjectNode rs = Meta.JSON.objectNode();
        ObjectNode meta = rs.putObject("metadata");
        meta.put("name", name);
        meta.put("uid", "uid-" + name);
        meta.put("creationTimestamp", String.format("2026-01-05T09:%02d:00Z", minute));
        rs.putObject("spec").put("replicas", spec);
        rs.putObject("status").put("replicas", spec).put("availableReplicas", available);
        return new ReplicaSetState(rs);
    }

    private static String pair(int newSpec, int oldSpec) {
        return "(" + newSpec + "," + oldSpec + ")";
    }
}
