package kubetutor.engine.kubectl.verb;

import kubetutor.engine.output.PlainText;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import kubetutor.engine.sim.Pacer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * kubectl create configmap's client side, against what kubectl 1.32 printed for the same files:
 * keys from file names, directories, env files, the hash, and the errors.
 */
class CreateConfigMapTest {
    @TempDir
    Path ws;
    private Session session;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(ws.resolve("game.properties"), "color=blue\nsize=10\n");
        Files.writeString(ws.resolve("ui.txt"), "hello\n");
        Files.createDirectories(ws.resolve("dir/sub"));
        Files.writeString(ws.resolve("dir/a"), "x");
        Files.writeString(ws.resolve("dir/b.conf"), "yy\n");
        Files.writeString(ws.resolve("dir/sub/c"), "z");
        Files.writeString(ws.resolve("good.env"), "A=1\n# comment\n\n  B=two words \nC\nD=x=y\n");
        session = new Session(new SessionOptions(1, null, ws));
    }

    private String run(String command) {
        StringBuilder out = new StringBuilder();
        session.execute(command, o -> out.append(PlainText.render(o)), Pacer.IMMEDIATE);
        return out.toString();
    }

    @Test
    void filesUnderTheirBaseNamesOrAGivenKey() {
        assertEquals("""
                apiVersion: v1
                data:
                  game.properties: |
                    color=blue
                    size=10
                  k: |
                    hello
                kind: ConfigMap
                metadata:
                  creationTimestamp: null
                  name: x
                """, run("kubectl create configmap x --from-file=game.properties --from-file=k=ui.txt --dry-run=client -o yaml"));
    }

    @Test
    void aDirectoryGivesItsRegularFiles() {
        assertEquals("""
                {
                    "kind": "ConfigMap",
                    "apiVersion": "v1",
                    "metadata": {
                        "name": "x",
                        "creationTimestamp": null
                    },
                    "data": {
                        "a": "x",
                        "b.conf": "yy\\n"
                    }
                }
                """, run("kubectl create configmap x --from-file=dir/ --dry-run=client -o json"));
        assertEquals("error: cannot give a key name for a directory path\n",
                run("kubectl create cm x --from-file=k=dir --dry-run=client -o yaml"));
    }

    @Test
    void anEnvFileKeepsWhatFollowsTheFirstEqualsSign() {
        assertEquals("""
                apiVersion: v1
                data:
                  A: "1"
                  B: 'two words '
                  C: ""
                  D: x=y
                kind: ConfigMap
                metadata:
                  creationTimestamp: null
                  name: x
                  namespace: dev
                """, run("kubectl create cm x --from-env-file=good.env -n dev --dry-run=client -o yaml"));
        assertEquals("error: from-env-file cannot be combined with from-file or from-literal\n",
                run("kubectl create cm x --from-env-file=good.env --from-literal=a=b"));
    }

    @Test
    void sourceErrors() {
        assertEquals("error: invalid literal source ab, expected key=value\n", run("kubectl create configmap x --from-literal=ab"));
        assertEquals("error: cannot add key \"a\", another key by that name already exists in Data for ConfigMap \"x\"\n",
                run("kubectl create configmap x --from-literal=a=1 --from-literal=a=2"));
        assertEquals("error: key name for file path ui.txt missing\n", run("kubectl create cm x --from-file==ui.txt"));
        assertEquals("error: error reading nope: no such file or directory\n", run("kubectl create cm x --from-file=nope"));
        assertEquals("error: \"..a\" is not a valid key name for a ConfigMap: must not start with '..'\n",
                run("kubectl create cm x --from-literal=..a=b"));
        assertEquals("error: exactly one NAME is required, got 2\nSee 'kubectl create configmap -h' for help and examples\n",
                run("kubectl create cm a b"));
    }

    @Test
    void literalsKeepTheirCommas() {
        assertEquals("""
                apiVersion: v1
                data:
                  a: b,c=d
                kind: ConfigMap
                metadata:
                  creationTimestamp: null
                  name: x
                """, run("kubectl create cm x --from-literal=a=b,c=d --dry-run=client -o yaml"));
    }

    @Test
    void theHashKubectlAppends() {
        assertEquals("configmap/x-64686gkt6c created (dry run)\n", run("kubectl create cm x --from-literal=a=b --append-hash --dry-run=client"));
        Map<String, String> data = new TreeMap<>(Map.of("game.properties", "color=blue\nsize=10\n", "html.txt", "a<b>&c"));
        assertEquals("b886h4t5h2", ConfigMapHash.of("x", data));
    }

    @Test
    void serviceAccounts() {
        assertEquals("""
                {
                    "kind": "ServiceAccount",
                    "apiVersion": "v1",
                    "metadata": {
                        "name": "x",
                        "namespace": "kube-system",
                        "creationTimestamp": null
                    }
                }
                """, run("kubectl create sa x -n kube-system --dry-run=client -o json"));
        assertEquals("serviceaccount/x created\n", run("kubectl create serviceaccount x"));
        assertEquals("error: failed to create serviceaccount: serviceaccounts \"x\" already exists\n", run("kubectl create sa x"));
    }
}
