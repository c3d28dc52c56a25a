package kubetutor.engine.session;

import kubetutor.engine.output.PlainText;
import kubetutor.engine.sim.Pacer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Limits as Kubernetes has them, checked before the costly work: the API server's request body
 * (3 MiB) and annotations (256 KiB), and kubetutor's own nesting limits, each with a clear message.
 */
class LimitsTest {
    @TempDir
    Path work;
    private Session session;

    @BeforeEach
    void start() throws IOException {
        session = new Session(new SessionOptions(1, null, work));
    }

    private String run(String command) {
        StringBuilder out = new StringBuilder();
        session.execute(command, o -> out.append(PlainText.render(o)), Pacer.IMMEDIATE);
        return out.toString();
    }

    private static String pod(String name, String annotation, String env) {
        return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\n  annotations:\n    a: \"" + annotation
                + "\"\nspec:\n  containers:\n  - name: c\n    image: nginx\n    env:\n    - name: E\n      value: \"" + env + "\"\n";
    }

    /**
     * Past this a size check came after the slow work (a 10 MB annotation took 71 s, 50 MB never
     * ended): a guard against hangs, not a speed check, which benchmarks/hostile makes.
     */
    private static final Duration HANG = Duration.ofSeconds(60);

    @Test
    void aRequestPastThreeMebibytesIsRefusedAsTheApiServerRefusesIt() throws IOException {
        Files.writeString(work.resolve("big.yaml"), pod("big", "", "x".repeat(3 * 1024 * 1024)));
        assertEquals("Error from server (RequestEntityTooLarge): error when creating \"big.yaml\": Request entity too large:"
                + " limit is 3145728\n", run("kubectl create -f big.yaml"));
        assertEquals("No resources found in default namespace.\n", run("kubectl get pods"));
    }

    @Test
    void aManifestJustUnderTheLimitIsAcceptedQuickly() throws IOException {
        Files.writeString(work.resolve("ok.yaml"), pod("ok", "", "x".repeat(3 * 1024 * 1024 - 400)));
        assertTimeoutPreemptively(HANG, () -> assertEquals("pod/ok created\n", run("kubectl create -f ok.yaml")));
    }

    @Test
    void fiftyMegabytesAreRefusedWithoutBeingRead() throws IOException {
        Files.writeString(work.resolve("huge.yaml"), pod("huge", "x".repeat(50_000_000), ""));
        assertTimeoutPreemptively(HANG, () -> assertEquals("Error from server (RequestEntityTooLarge): error"
                + " when creating \"huge.yaml\": Request entity too large: limit is 3145728\n", run("kubectl create -f huge.yaml")));
    }

    @Test
    void annotationsTogetherMayNotPass256KiB() throws IOException {
        Files.writeString(work.resolve("ann.yaml"), pod("ann", "x".repeat(256 * 1024), ""));
        assertEquals("The Pod \"ann\" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes\n",
                run("kubectl create -f ann.yaml"));
        // apply keeps the whole object in an annotation too: past 256 KiB, only create takes it.
        Files.writeString(work.resolve("applied.yaml"), pod("applied", "", "x".repeat(300 * 1024)));
        assertEquals("The Pod \"applied\" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes\n",
                run("kubectl apply -f applied.yaml"));
    }

    @Test
    void nestingPastTheLimitsIsRefusedWithAMessage() throws IOException {
        String deep = "[".repeat(1001) + "]".repeat(1001);
        Files.writeString(work.resolve("deep.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: " + deep + "\n");
        assertEquals("error: error parsing deep.yaml: error converting YAML to JSON: yaml: line 4: exceeded max depth of 1000\n",
                run("kubectl create -f deep.yaml"));
        Files.writeString(work.resolve("deep.json"), "{\"kind\":\"ConfigMap\",\"data\":" + deep + "}");
        assertEquals("error: error parsing deep.json: json: offset 1027: invalid character '[' exceeded max depth\n",
                run("kubectl create -f deep.json"));
        assertEquals("sh: syntax error: \"$(\" nested more than 100 deep\n", run("echo " + "$(".repeat(101) + ")".repeat(101)));
    }

    @Test
    void aContainerShellRefusesNestingPastItsLimit() {
        run("kubectl run box --image=busybox -- sleep 3600; sleep 30");
        assertEquals("sh: syntax error: nested more than 200 deep\ncommand terminated with exit code 2\n",
                run("kubectl exec box -- sh -c '" + "(".repeat(300) + "true" + ")".repeat(300) + "'"));
        assertEquals("sh: arithmetic syntax error: nested more than 200 deep\ncommand terminated with exit code 2\n",
                run("kubectl exec box -- sh -c 'echo $((" + "-".repeat(300) + "1))'"));
    }
}
