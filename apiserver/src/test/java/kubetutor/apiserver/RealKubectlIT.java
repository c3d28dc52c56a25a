package kubetutor.apiserver;

import kubetutor.engine.output.PlainText;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import kubetutor.engine.sim.Pacer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real kubectl 1.32 client against {@code serve}: what it prints for the course's commands is
 * what kubetutor's own kubectl prints in the same session (tables are printed server-side from the
 * engine's columns, so they must agree to the byte). The clock stands still unless a step moves
 * it, so the two see the same instant. Without a kubectl on the PATH this skips (fails when CI is set).
 */
class RealKubectlIT {
    @TempDir
    static Path dir;
    static Session session;
    static Server server;
    static Path kubeconfig;

    @BeforeAll
    static void start() throws Exception {
        RealKubectl.requireFor("RealKubectlIT");
        session = new Session(new SessionOptions(1, null, dir, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        server = new Server(session, 0, 0);
        kubeconfig = dir.resolve("serve.kubeconfig");
        Kubeconfig.write(kubeconfig, server.port(), server.token(), server.authorityData());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void tablesAreTheEnginesOwn() throws Exception {
        for (String command : List.of("kubectl get nodes", "kubectl get nodes -o wide", "kubectl get pods -A",
                "kubectl get ns", "kubectl get pods -n kube-system -o wide --show-labels")) {
            assertEquals(own(command), real(command), command);
        }
    }

    @Test
    void aPodCreatedByRealKubectlRunsAsTheSimulationSays() throws Exception {
        Files.writeString(dir.resolve("pod.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: http-go
                  labels:
                    app: http-go
                spec:
                  containers:
                  - name: http-go
                    image: gasbugs/http-go
                    ports:
                    - containerPort: 8080
                """);
        assertEquals("pod/http-go created\n", real("kubectl create -f pod.yaml"));
        own("sleep 20");
        for (String command : List.of("kubectl get pods -o wide", "kubectl get pod http-go -o name",
                "kubectl get pods -l app=http-go", "kubectl get pods --field-selector status.phase=Running")) {
            assertEquals(own(command), real(command), command);
        }
        assertEquals(own("kubectl get pod http-go -o jsonpath={.status.podIP}"),
                real("kubectl get pod http-go -o jsonpath={.status.podIP}"));
        assertEquals("pod \"http-go\" deleted\n", real("kubectl delete pod http-go --wait=false"));
        assertTrue(own("kubectl get pods").contains("Terminating"));
    }

    @Test
    void errorsReadAsTheAPIServersOwn() throws Exception {
        assertEquals("Error from server (NotFound): pods \"nosuch\" not found\n", real("kubectl get pod nosuch"));
        assertEquals(own("kubectl get pod nosuch"), real("kubectl get pod nosuch"));
        Files.writeString(dir.resolve("bad.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: Bad_Name
                spec:
                  containers:
                  - name: c
                    image: nginx
                """);
        assertEquals(own("kubectl create -f bad.yaml"), real("kubectl create -f bad.yaml"));
    }

    @Test
    void typedClientsSendProtobufAndTheObjectIsTheSameAsFromJson() throws Exception {
        // kubectl's create subcommands use client-go's typed clients, which send protobuf
        assertEquals("deployment.apps/web created\n", real("kubectl create deployment web --image=nginx --replicas=2 --port=80"));
        assertEquals("deployment.apps/web2 created\n", own("kubectl create deployment web2 --image=nginx --replicas=2 --port=80"));
        assertEquals(comparable(own("kubectl get deploy web2 -o yaml")).replace("web2", "web"),
                comparable(own("kubectl get deploy web -o yaml")));
        assertEquals("configmap/settings created\n", real("kubectl create configmap settings --from-literal=mode=fast"));
        assertEquals("secret/pw created\n", real("kubectl create secret generic pw --from-literal=pw=s3cret"));
        assertEquals("namespace/dev created\n", real("kubectl create namespace dev"));
        assertEquals("serviceaccount/robot created\n", real("kubectl create serviceaccount robot"));
        for (String command : List.of("kubectl get cm settings -o yaml", "kubectl get secret pw -o yaml",
                "kubectl get ns dev -o yaml", "kubectl get sa robot -o yaml")) {
            assertEquals(own(command), real(command), command);
        }
        assertTrue(real("kubectl get secret pw -o jsonpath={.data.pw}").equals("czNjcmV0"));
    }

    /**
     * An object's YAML without what differs between two objects made the same way (name aside; the
     * pod-template-hash differs too, as the template's labels carry the name).
     */
    private static String comparable(String yaml) {
        return yaml.lines().filter(l -> !l.contains("uid:") && !l.contains("resourceVersion:") && !l.contains("Timestamp:")
                && !l.contains("Time:") && !l.contains("ReplicaSet \"")).reduce("", (a, b) -> a + b + "\n");
    }

    /** What kubetutor's own kubectl prints (stdout and stderr, in order). */
    private static String own(String command) throws InterruptedException {
        StringBuilder out = new StringBuilder();
        session.execute(command, o -> out.append(PlainText.render(o)), Pacer.IMMEDIATE);
        return out.toString();
    }

    /** What the real kubectl prints against serve (stdout, then stderr). */
    private static String real(String command) throws IOException, InterruptedException {
        return RealKubectl.run(List.of(command.split(" ")), dir, dir, kubeconfig);
    }

}
