package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * kubectl delete waits (--wait=true) until what it deleted is gone: a foreground deletion until
 * the owner's dependents are gone and its finalizer is off; a deletion that never completes until
 * --timeout, a week by default, and not a simulated instant longer.
 */
class DeleteWaitTest {
    private static final String RC = """
            cat <<EOF > web.yaml
            apiVersion: v1
            kind: ReplicationController
            metadata:
              name: web
            spec:
              replicas: 0
              selector:
                app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: nginx
                    image: nginx
            EOF""";

    @TempDir
    Path work;
    Shell shell;

    @BeforeEach
    void start() {
        shell = new Shell(work);
    }

    @Test
    void aFinalizerNobodyRemovesEndsTheWaitAfterAWeekInBatchMode() {
        shell.run("""
                cat <<EOF > stuck.yaml
                apiVersion: v1
                kind: Pod
                metadata:
                  name: stuck
                  finalizers:
                  - example.com/never
                spec:
                  containers:
                  - name: c
                    image: nginx
                EOF""");
        shell.run("kubectl create -f stuck.yaml");
        shell.run("sleep 20");
        StringBuilder out = new StringBuilder();
        // Nothing is left to happen once the pod's containers have stopped: the wait must not step forever.
        // A hang guard, not a speed check (at a load average of 19 it once took over 30 s).
        Duration took = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> shell.timeTaken("kubectl delete pod stuck", out));
        assertEquals("""
                pod "stuck" deleted
                error: timed out waiting for the condition on pods/stuck
                """, out.toString());
        assertEquals(Duration.ofHours(168), took);
        assertEquals("[\"example.com/never\"]", shell.run("kubectl get pod stuck -o jsonpath='{.metadata.finalizers}'"));
    }

    @Test
    void timeoutEndsTheWaitEarlier() {
        shell.run("""
                cat <<EOF > stuck.yaml
                apiVersion: v1
                kind: Pod
                metadata:
                  name: stuck
                  finalizers:
                  - example.com/never
                spec:
                  containers:
                  - name: c
                    image: nginx
                EOF""");
        shell.run("kubectl create -f stuck.yaml");
        StringBuilder out = new StringBuilder();
        Duration took = shell.timeTaken("kubectl delete pod stuck --timeout=45s", out);
        assertEquals("""
                pod "stuck" deleted
                error: timed out waiting for the condition on pods/stuck
                """, out.toString());
        assertEquals(Duration.ofSeconds(45), took);
    }

    @Test
    void theCascadeGoesToTheApiServerAsThePropagationPolicy() {
        shell.run(RC);
        shell.run("kubectl create -f web.yaml");
        assertEquals("""
                replicationcontroller "web" deleted
                """, shell.run("kubectl delete rc web --cascade=orphan --wait=false"));
        // The garbage collector takes the orphan finalizer off at once (GarbageCollectorTest shows the pods staying).
        assertEquals("""
                Error from server (NotFound): replicationcontrollers "web" not found
                """, shell.run("kubectl get rc web"));
        assertEquals("""
                warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.
                Error from server (NotFound): replicationcontrollers "nope" not found
                """, shell.run("kubectl delete rc nope --cascade=true"));
        assertEquals("""
                error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"
                """, shell.run("kubectl delete rc web --cascade=sideways"));
    }

    @Test
    void whatAFileNamedIsNamedInItsError() {
        shell.run(RC);
        assertEquals("""
                Error from server (NotFound): error when deleting "web.yaml": replicationcontrollers "web" not found
                """, shell.run("kubectl delete -f web.yaml"));
        assertEquals("", shell.run("kubectl delete -f web.yaml --ignore-not-found"));
        assertEquals("", shell.run("kubectl delete rc web --ignore-not-found"));
        assertEquals("No resources found\n", shell.run("kubectl delete rc --all"));
    }

    /**
     * With --cascade=foreground the owner stays, with a foregroundDeletion finalizer, until the
     * garbage collector has deleted its dependents and taken the finalizer off; kubectl waits for
     * that. Here a dependent Service holds on for 20 seconds with a finalizer of its own.
     */
    @Test
    void aForegroundDeletionWaitsUntilTheOwnerIsGoneAfterItsDependents() {
        shell.run(RC);
        shell.run("kubectl create -f web.yaml");
        ApiServer api = shell.session.cluster().api();
        ObjectNode rc = api.get(ResourceTypes.REPLICATION_CONTROLLER, "default", "web");
        ObjectNode svc = (ObjectNode) Meta.JSON.objectNode().put("apiVersion", "v1").put("kind", "Service");
        ObjectNode meta = svc.putObject("metadata").put("name", "web").put("namespace", "default");
        meta.putArray("finalizers").add("example.com/hold");
        meta.putArray("ownerReferences").addObject().put("apiVersion", "v1").put("kind", "ReplicationController")
                .put("name", "web").put("uid", Meta.uid(rc)).put("blockOwnerDeletion", true);
        svc.putObject("spec").putArray("ports").addObject().put("port", 80);
        api.create(ResourceTypes.SERVICE, svc);
        // Stands in for the garbage collector where there is none yet: lets go of both after 20 seconds.
        shell.session.cluster().sim().after(Duration.ofSeconds(20), () -> {
            dropFinalizer(api, ResourceTypes.SERVICE, "example.com/hold");
            dropFinalizer(api, ResourceTypes.REPLICATION_CONTROLLER, ApiServer.FOREGROUND_FINALIZER);
        });
        StringBuilder out = new StringBuilder();
        Duration took = shell.timeTaken("kubectl delete rc web --cascade=foreground", out);
        assertEquals("replicationcontroller \"web\" deleted\n", out.toString());
        assertEquals(Duration.ofSeconds(20), took);
        assertEquals("No resources found in default namespace.\n", shell.run("kubectl get rc"));
    }

    private static void dropFinalizer(ApiServer api, ResourceType type, String finalizer) {
        ObjectNode current = api.store().get(type, "default", "web");
        if (current == null) {
            return;
        }
        ObjectNode next = Meta.newVersion(current);
        ArrayNode kept = Meta.JSON.arrayNode();
        for (JsonNode f : current.path("metadata").path("finalizers")) {
            if (!f.asText().equals(finalizer)) {
                kept.add(f);
            }
        }
        Meta.metadata(next).set("finalizers", kept);
        api.update(type, next);
    }
}
