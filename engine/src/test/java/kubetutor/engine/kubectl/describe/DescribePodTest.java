package kubetutor.engine.kubectl.describe;

import kubetutor.engine.api.EventRecorder;
import kubetutor.engine.api.ResourceTypes;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static kubetutor.engine.kubectl.describe.Transcript.assertMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DescribePodTest {
    private static final String LIVENESS_EXEC = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: liveness-exec
              labels:
                test: liveness
            spec:
              containers:
              - name: liveness
                image: registry.k8s.io/busybox
                args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
                livenessProbe:
                  exec:
                    command: ["cat", "/tmp/healthy"]
                  initialDelaySeconds: 5
                  periodSeconds: 5
            """;

    @Test
    void runningPodTwentySecondsAfterCreation() {
        Transcript t = new Transcript().createPod(LIVENESS_EXEC).sleep(20);
        assertMatches("""
                Name:             liveness-exec
                Namespace:        default
                Priority:         0
                Service Account:  default
                Node:             worker1/192.168.56.11
                Start Time:       Mon, 05 Jan 2026 09:00:00 +0000
                Labels:           test=liveness
                Annotations:      <none>
                Status:           Running
                IP:               10.244.1.2
                IPs:
                  IP:  10.244.1.2
                Containers:
                  liveness:
                    Container ID:  containerd://[..]
                    Image:         registry.k8s.io/busybox
                    Image ID:      registry.k8s.io/busybox@sha256:[..]
                    Port:          <none>
                    Host Port:     <none>
                    Args:
                      /bin/sh
                      -c
                      touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
                    State:          Running
                      Started:      Mon, 05 Jan 2026 09:00:01 +0000
                    Ready:          True
                    Restart Count:  0
                    Liveness:       exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3
                    Environment:    <none>
                    Mounts:
                      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-[..] (ro)
                Conditions:
                  Type                        Status
                  PodReadyToStartContainers   True\s
                  Initialized                 True\s
                  Ready                       True\s
                  ContainersReady             True\s
                  PodScheduled                True\s
                Volumes:
                  kube-api-access-[..]:
                    Type:                    Projected (a volume that contains injected data from multiple sources)
                    TokenExpirationSeconds:  3607
                    ConfigMapName:           kube-root-ca.crt
                    ConfigMapOptional:       <nil>
                    DownwardAPI:             true
                QoS Class:                   BestEffort
                Node-Selectors:              <none>
                Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
                Events:
                  Type    Reason     Age   From               Message
                  ----    ------     ----  ----               -------
                  Normal  Scheduled  20s   default-scheduler  Successfully assigned default/liveness-exec to worker1
                  Normal  Pulling    20s   kubelet            Pulling image "registry.k8s.io/busybox"
                  Normal  Pulled     19s   kubelet            Successfully pulled image "registry.k8s.io/busybox" in 1.175s (1.175s including waiting). Image size: 1144547 bytes.
                  Normal  Created    19s   kubelet            Created container: liveness
                  Normal  Started    19s   kubelet            Started container liveness
                """, t.run("kubectl describe pod liveness-exec"));
    }

    @Test
    void repeatedEventShowsCountAndSpan() {
        // The liveness-exec timeline: three failed probes five seconds apart, then the kill.
        Transcript t = new Transcript().createPod(LIVENESS_EXEC).sleep(65);
        String out = t.run("kubectl describe pods/liveness-exec");
        assertEquals("""
                Events:
                  Type     Reason     Age                From               Message
                  ----     ------     ----               ----               -------
                  Normal   Scheduled  65s                default-scheduler  Successfully assigned default/liveness-exec to worker1
                  Normal   Pulling    65s                kubelet            Pulling image "registry.k8s.io/busybox"
                  Normal   Pulled     64s                kubelet            Successfully pulled image "registry.k8s.io/busybox" in 1.175s (1.175s including waiting). Image size: 1144547 bytes.
                  Normal   Created    64s                kubelet            Created container: liveness
                  Normal   Started    64s                kubelet            Started container liveness
                  Warning  Unhealthy  23s (x3 over 33s)  kubelet            Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory
                  Normal   Killing    23s                kubelet            Container liveness failed liveness probe, will be restarted
                """, out.substring(out.indexOf("Events:")));
    }

    @Test
    void terminatingPodShowsKubectlsLastsQuirkAndGracePeriod() {
        Transcript t = new Transcript().createPod(LIVENESS_EXEC).sleep(10);
        // The pod as the API server marks it for deletion at 09:00:10 with the default 30 s grace.
        var store = t.session.cluster().store();
        var pod = store.get(ResourceTypes.POD, "default", "liveness-exec").deepCopy();
        pod.with("metadata").put("deletionTimestamp", "2026-01-05T09:00:40Z").put("deletionGracePeriodSeconds", 30);
        Instant now = Instant.parse("2026-01-05T09:00:11Z");
        String out = new PodDescriber().describe(pod, new DescribeContext(store, now, false));
        // kubectl 1.32 measures "since" a deletion timestamp that is still in the future...
        assertEquals("""
                Status:                    Terminating (lasts <invalid>)
                Termination Grace Period:  30s
                """, out.substring(out.indexOf("Status:"), out.indexOf("IP:")));
        // ...and only shows a real duration once it has passed (a pod stuck on a lost node).
        out = new PodDescriber().describe(pod, new DescribeContext(store, now.plusSeconds(34), false));
        assertEquals("Status:                    Terminating (lasts 5s)\n",
                out.substring(out.indexOf("Status:"), out.indexOf("Termination")));
        assertEquals(-1, out.indexOf("Events:"), "without events, describe ends after Tolerations");
    }

    @Test
    void containerWithPortsResourcesEnvAndHttpProbe() {
        Transcript t = new Transcript().createPod("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.27
                    ports:
                    - containerPort: 80
                    - containerPort: 443
                    env:
                    - name: MODE
                      value: demo
                    - name: POD_NAME
                      valueFrom:
                        fieldRef:
                          fieldPath: metadata.name
                    resources:
                      requests:
                        cpu: 250m
                        memory: 64Mi
                      limits:
                        cpu: 500m
                        memory: 128Mi
                    readinessProbe:
                      httpGet:
                        path: /healthz
                        port: 80
                      periodSeconds: 3
                """).sleep(30);
        String out = t.run("kubectl describe pod web");
        assertEquals("""
                    Ports:          80/TCP, 443/TCP
                    Host Ports:     0/TCP, 0/TCP
                """, out.substring(out.indexOf("    Ports:"), out.indexOf("    State:")));
        assertEquals("""
                    Limits:
                      cpu:     500m
                      memory:  128Mi
                    Requests:
                      cpu:      250m
                      memory:   64Mi
                    Readiness:  http-get http://:80/healthz delay=0s timeout=1s period=3s #success=1 #failure=3
                    Environment:
                      MODE:      demo
                      POD_NAME:  web (v1:metadata.name)
                """, out.substring(out.indexOf("    Limits:"), out.indexOf("    Mounts:")));
        assertEquals("QoS Class:                   Burstable\n",
                out.substring(out.indexOf("QoS Class:"), out.indexOf("Node-Selectors:")));
    }

    @Test
    void errorsAndSelection() {
        Transcript t = new Transcript().createPod(LIVENESS_EXEC).sleep(5);
        assertEquals("[stderr] Error from server (NotFound): pods \"nginx\" not found\n", t.run("kubectl describe pod nginx"));
        assertEquals("[stderr] error: the server doesn't have a resource type \"pdo\"\n", t.run("kubectl describe pdo x"));
        assertEquals("[stderr] error: You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.\n",
                t.run("kubectl describe"));
        assertEquals("[stderr] No resources found in default namespace.\n", t.run("kubectl describe pods -l app=none"));
        // kubectl falls back to a name prefix for "TYPE NAME", each description followed by a blank line.
        String byPrefix = t.run("kubectl describe pods live");
        String byName = t.run("kubectl describe pod liveness-exec");
        assertEquals(byName + "\n", byPrefix);
        assertEquals(byName, t.run("kubectl describe pods -l test=liveness"));
        // Found objects print first, the NotFound after them on standard error.
        assertEquals(byName + "[stderr] Error from server (NotFound): pods \"x\" not found\n",
                t.run("kubectl describe pod/liveness-exec pod/x"));
    }
}
