package kubetutor.engine.container;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kubectl run, logs and exec against simulated containers, as kubectl prints them. */
class RunLogsExecTest {
    @Test
    void restartNeverEndsCompletedOrError() {
        Lab lab = new Lab();
        assertEquals("pod/ok created\n", lab.run("kubectl run ok --image=busybox --restart=Never -- sh -c 'echo hello; echo oops >&2'"));
        assertEquals("pod/bad created\n", lab.run("kubectl run bad --image=busybox --restart=Never -- sh -c 'exit 3'"));
        assertEquals("Error from server (BadRequest): container \"ok\" in pod \"ok\" is waiting to start: ContainerCreating\n",
                lab.run("kubectl logs ok"));
        lab.run("sleep 20");
        assertEquals("""
                NAME   READY   STATUS      RESTARTS   AGE
                bad    0/1     Error       0          20s
                ok     0/1     Completed   0          20s
                """, lab.run("kubectl get pods"));
        assertEquals("hello\noops\n", lab.run("kubectl logs ok"));
        assertEquals("oops\n", lab.run("kubectl logs ok --tail 1"));
        assertTrue(lab.run("kubectl logs ok --timestamps").matches("2026-01-05T09:00:0\\d\\.\\d{9}Z hello\n.*Z oops\n"));
        assertEquals("Error from server (BadRequest): previous terminated container \"ok\" in pod \"ok\" not found\n",
                lab.run("kubectl logs ok -p"));
        assertEquals("error: cannot exec into a container in a completed pod; current phase is Succeeded\n",
                lab.run("kubectl exec ok -- ls"));
    }

    @Test
    void busyboxWithoutCommandCrashLoops() {
        Lab lab = new Lab();
        lab.run("kubectl run bb --image=busybox");
        lab.run("sleep 60");
        assertEquals("""
                NAME   READY   STATUS             RESTARTS      AGE
                bb     0/1     CrashLoopBackOff   3 (25s ago)   60s
                """, lab.run("kubectl get pods"));
    }

    @Test
    void execRunsInTheContainerAndPropagatesTheExitCode() {
        Lab lab = new Lab();
        lab.run("kubectl run web --image=nginx");
        lab.run("sleep 10");
        assertEquals("index.html\n", lab.run("kubectl exec web -- ls /usr/share/nginx/html"));
        assertEquals("command terminated with exit code 4\n", lab.run("kubectl exec web -- sh -c 'exit 4'"));
        assertEquals("error: you must specify at least one command for the container\n", lab.run("kubectl exec web"));
        assertEquals("Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n",
                lab.run("kubectl port-forward web 8080:80 &"));
        assertTrue(lab.run("curl localhost:8080").contains("<title>Welcome to nginx!</title>"));
        lab.run("kubectl exec -it web -- sh");
        assertEquals("web\n", lab.run("hostname"));
        assertEquals("command terminated with exit code 2\n", lab.run("exit 2"));
        assertEquals("NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          10s\n", lab.run("kubectl get pods"));
    }

    @Test
    void failingReadinessKeepsThePodOutOfReady() {
        Lab lab = new Lab();
        lab.createPod("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                  - name: web
                    image: nginx
                    readinessProbe:
                      httpGet:
                        path: /healthz
                        port: 80
                      periodSeconds: 5
                """);
        lab.run("sleep 30");
        assertEquals("""
                NAME   READY   STATUS    RESTARTS   AGE
                web    0/1     Running   0          30s
                """, lab.run("kubectl get pods"));
    }
}
