package kubetutor.engine.kubectl.verb;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * --dry-run=server goes all the way through the API server (admission, validation, defaults) and
 * stores nothing: the store's resourceVersion, which moves with every write, stays where it was,
 * and kubectl says "(server dry run)" after what would have happened.
 */
class ServerDryRunTest {
    private static final String MANIFEST = """
            cat <<EOF > web.yaml
            apiVersion: v1
            kind: ReplicationController
            metadata:
              name: web
            spec:
              replicas: 2
              selector:
                app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.26
            EOF""";

    @TempDir
    Path work;
    Shell shell;

    @BeforeEach
    void settledCluster() {
        shell = new Shell(work);
        shell.run(MANIFEST);
        shell.run("kubectl create -f web.yaml");
        shell.run("kubectl create deployment api --image=nginx:1.26 --replicas=2");
        shell.run("kubectl run box --image=busybox:1.36 -- sleep 3600");
        shell.run("kubectl create configmap settings --from-literal=a=b");
        shell.run("kubectl create namespace dev");
        shell.run("sleep 60");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "kubectl create -f web.yaml -n dev",
            "kubectl create deployment other --image=nginx",
            "kubectl create configmap more --from-literal=x=y",
            "kubectl create namespace qa",
            "kubectl apply -f web.yaml -n dev",
            "kubectl run other --image=nginx",
            "kubectl label pod box tier=fe",
            "kubectl annotate rc web owner=me",
            "kubectl scale rc web --replicas=4",
            "kubectl scale deployment api --replicas=0",
            "kubectl set image deployment/api nginx=nginx:1.27",
            "kubectl set image pod/box box=busybox:1.37",
            "kubectl set env deployment/api MODE=test",
            "kubectl delete pod box",
            "kubectl delete rc web",
            "kubectl delete deployment api",
            "kubectl delete configmap settings",
            "kubectl delete namespace dev",
    })
    void storesNothing(String command) {
        long before = shell.session.cluster().store().resourceVersion();
        String out = shell.run(command + " --dry-run=server");
        // patch alone sets its printer's operation after the dry-run suffix: kubectl 1.32 says "patched"
        assertTrue(command.startsWith("kubectl patch") ? out.endsWith(" patched\n") : out.contains("(server dry run)"), out);
        assertEquals(before, shell.session.cluster().store().resourceVersion(), command + " moved the store: " + out);
    }

    /** 1.32's patch prints "patched" for a server dry run too (its printer loses the suffix), yet stores nothing. */
    @Test
    void patchSaysPatchedAndStoresNothing() {
        long before = shell.session.cluster().store().resourceVersion();
        String out = shell.run("kubectl patch rc web -p '{\"spec\":{\"replicas\":5}}' --dry-run=server");
        assertEquals("replicationcontroller/web patched\n", out);
        assertEquals(before, shell.session.cluster().store().resourceVersion());
    }
}
