package kubetutor.apiserver;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Server-side field validation as kubectl 1.32 uses it: --validate becomes the request's
 * fieldValidation, and serve answers with the API server's strict decoding error, its Warning
 * headers, or silence, as kubetutor's own kubectl does for the same manifests.
 */
class FieldValidationIT {
    @TempDir
    static Path dir;
    static ServedPair pair;

    @BeforeAll
    static void start() throws Exception {
        RealKubectl.requireFor("FieldValidationIT");
        pair = new ServedPair(dir);
        Files.writeString(dir.resolve("typo.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: typo
                spec:
                  containers:
                  - name: web
                    image: nginx
                    imagePort: 80
                """);
        Files.writeString(dir.resolve("web.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 1
                  pause: true
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      containers:
                      - name: nginx
                        image: nginx
                """);
    }

    @AfterAll
    static void stop() {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void unknownFieldsAreRefusedWarnedOrDroppedAsValidateSays() throws Exception {
        assertSame("kubectl create -f typo.yaml",
                "Error from server (BadRequest): error when creating \"typo.yaml\": Pod in version \"v1\" cannot be"
                        + " handled as a Pod: strict decoding error: unknown field \"spec.containers[0].imagePort\"\n");
        assertSame("kubectl create -f typo.yaml --validate=nope",
                "error: invalid - validate option \"nope\"; must be one of: strict (or true), warn, ignore (or false)\n");
        assertSame("kubectl create -f typo.yaml --validate=warn --dry-run=server",
                "Warning: unknown field \"spec.containers[0].imagePort\"\npod/typo created (server dry run)\n");
        assertSame("kubectl get pod typo", "Error from server (NotFound): pods \"typo\" not found\n");
        assertSame("kubectl create -f typo.yaml --validate=warn",
                "Warning: unknown field \"spec.containers[0].imagePort\"\npod/typo created\n");
        assertSame("kubectl apply -f web.yaml --validate=false", "deployment.apps/web created\n");
        for (String command : List.of("kubectl replace -f web.yaml", "kubectl replace -f web.yaml --validate=warn",
                "kubectl replace -f web.yaml --validate=ignore", "kubectl apply -f web.yaml --validate=warn",
                "kubectl get pod typo -o jsonpath={.spec.containers[0]}")) {
            assertEquals(pair.own(command), pair.real(command), command);
        }
    }

    @Test
    void kubectlPatchGetsTheServersDefaultWarn() throws Exception {
        assertSame("kubectl create deployment patched --image=nginx", "deployment.apps/patched created\n");
        assertSame("kubectl patch deployment patched --type=merge -p {\"spec\":{\"pause\":true,\"replicas\":2}}",
                "Warning: unknown field \"spec.pause\"\ndeployment.apps/patched patched\n");
        assertSame("kubectl patch deployment patched -p {\"spec\":{\"replicas\":\"x\"}}",
                "The request is invalid: patch: Invalid value: \"map[spec:map[replicas:x]]\": unrecognized type: int32\n");
    }

    /** Both kubectls print {@code expected}. */
    private static void assertSame(String command, String expected) throws Exception {
        assertEquals(expected, pair.real(command), "real " + command);
        assertEquals(expected, pair.own(command), "own " + command);
    }
}
