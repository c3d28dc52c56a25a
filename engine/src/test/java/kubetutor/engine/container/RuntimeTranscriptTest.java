package kubetutor.engine.container;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ResourceTypes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Containers as kubectl shows them: exits, restarts with back-off, probes, logs, exec, run. */
class RuntimeTranscriptTest {
    private static final String LIVENESS_EXEC = """
            apiVersion: v1
            kind: Pod
            metadata:
              labels:
                test: liveness
              name: liveness-exec
            spec:
              containers:
              - name: liveness
                image: registry.k8s.io/busybox:1.27.2
                args:
                - /bin/sh
                - -c
                - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
                livenessProbe:
                  exec:
                    command:
                    - cat
                    - /tmp/healthy
                  initialDelaySeconds: 5
                  periodSeconds: 5
            """;

    @Test
    void livenessExecTimelineAsTheKubernetesDocsTellIt() {
        Lab lab = new Lab();
        lab.createPod(LIVENESS_EXEC);
        lab.run("sleep 30");
        assertEquals("""
                NAME            READY   STATUS    RESTARTS   AGE
                liveness-exec   1/1     Running   0          30s
                """, lab.run("kubectl get pod liveness-exec"));
        lab.run("sleep 10");
        assertEquals("""
                NAME            READY   STATUS    RESTARTS   AGE
                liveness-exec   1/1     Running   0          40s
                """, lab.run("kubectl get pod liveness-exec"));
        lab.run("sleep 10");
        String events = lab.run("kubectl get events --field-selector involvedObject.name=liveness-exec");
        assertEquals("""
                8s          Warning   Unhealthy   pod/liveness-exec   Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory
                8s          Normal    Killing     pod/liveness-exec   Container liveness failed liveness probe, will be restarted
                """, events.substring(Math.max(0, events.indexOf("Warning") - 12)));
        assertEquals(3, unhealthy(lab).path("count").asInt());
        // SIGTERM does nothing to sh as PID 1: the restart waits for the 30s grace period's SIGKILL.
        lab.run("sleep 25");
        assertEquals("""
                NAME            READY   STATUS    RESTARTS     AGE
                liveness-exec   1/1     Running   1 (3s ago)   75s
                """, lab.run("kubectl get pod liveness-exec"));
        lab.run("sleep 5");
        assertEquals("""
                NAME            READY   STATUS    RESTARTS     AGE
                liveness-exec   1/1     Running   1 (8s ago)   80s
                """, lab.run("kubectl get pod liveness-exec"));
        JsonNode last = pod(lab, "liveness-exec").path("status").path("containerStatuses").get(0).path("lastState").path("terminated");
        assertEquals("137 Error", last.path("exitCode").asText() + " " + last.path("reason").asText());
        // The second kill meets the crash back-off: CrashLoopBackOff for 10s, and a BackOff event.
        lab.run("sleep 70");
        assertEquals("""
                NAME            READY   STATUS             RESTARTS     AGE
                liveness-exec   0/1     CrashLoopBackOff   1 (3s ago)   2m30s
                """, lab.run("kubectl get pod liveness-exec"));
        lab.run("sleep 10");
        assertEquals("""
                NAME            READY   STATUS    RESTARTS      AGE
                liveness-exec   1/1     Running   2 (13s ago)   2m40s
                """, lab.run("kubectl get pod liveness-exec"));
    }

    private static JsonNode unhealthy(Lab lab) {
        for (JsonNode e : lab.session.cluster().store().list(ResourceTypes.EVENT, "default")) {
            if (e.path("reason").asText().equals("Unhealthy")) {
                return e;
            }
        }
        throw new AssertionError("no Unhealthy event");
    }

    private static JsonNode pod(Lab lab, String name) {
        return lab.session.cluster().store().get(ResourceTypes.POD, "default", name);
    }
}
