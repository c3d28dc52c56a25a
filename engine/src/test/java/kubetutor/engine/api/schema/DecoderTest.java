package kubetutor.engine.api.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Optional;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Manifests in, the API server's decode error (as kubectl prints it) out. */
class DecoderTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    final Decoder decoder = new Decoder(Schema.standard());

    static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    record Case(String name, ResourceType kind, String manifest, String printed) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("misspelled container field", ResourceTypes.POD, """
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: web}
                        spec:
                          containers:
                          - name: nginx
                            imagex: nginx
                        """,
                        "Error from server (BadRequest): error when creating \"pod.yaml\": Pod in version \"v1\" cannot be handled "
                                + "as a Pod: strict decoding error: unknown field \"spec.containers[0].imagex\""),
                new Case("several unknown fields, in sorted-key order", ResourceTypes.POD, """
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: web, lables: {app: web}}
                        spec:
                          foo: 1
                          containers:
                          - name: nginx
                            image: nginx
                            livenessProbe: {httpGet: {port: 80, pth: /}, periodSecond: 5}
                        """,
                        "Error from server (BadRequest): error when creating \"pod.yaml\": Pod in version \"v1\" cannot be handled "
                                + "as a Pod: strict decoding error: unknown field \"metadata.lables\", "
                                + "unknown field \"spec.containers[0].livenessProbe.httpGet.pth\", "
                                + "unknown field \"spec.containers[0].livenessProbe.periodSecond\", unknown field \"spec.foo\""),
                new Case("replicas as a word", ResourceTypes.DEPLOYMENT, """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: web}
                        spec:
                          replicas: three
                          foo: bar
                        """,
                        "Error from server (BadRequest): error when creating \"pod.yaml\": Deployment in version \"v1\" cannot be handled "
                                + "as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32"),
                new Case("env value as a number", ResourceTypes.DEPLOYMENT, """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: web}
                        spec:
                          template:
                            spec:
                              containers:
                              - name: a
                                env: [{name: PORT, value: 8080}]
                        """,
                        "Error from server (BadRequest): error when creating \"pod.yaml\": Deployment in version \"v1\" cannot be handled "
                                + "as a Deployment: json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string"),
                new Case("containers as a map", ResourceTypes.POD, """
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: web}
                        spec:
                          containers: {name: a, image: nginx}
                        """,
                        "Error from server (BadRequest): error when creating \"pod.yaml\": Pod in version \"v1\" cannot be handled "
                                + "as a Pod: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container"),
                new Case("a bad memory quantity", ResourceTypes.POD, """
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: web}
                        spec:
                          containers:
                          - {name: a, image: nginx, resources: {limits: {memory: 128MB}}}
                        """,
                        "Error from server (BadRequest): error when creating \"pod.yaml\": Pod in version \"v1\" cannot be handled "
                                + "as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
                new Case("a daemon set strategy misspelled", ResourceTypes.DAEMON_SET, """
                        apiVersion: apps/v1
                        kind: DaemonSet
                        metadata: {name: agent}
                        spec:
                          strategy: {type: OnDelete}
                        """,
                        "Error from server (BadRequest): error when creating \"pod.yaml\": DaemonSet in version \"v1\" cannot be handled "
                                + "as a DaemonSet: strict decoding error: unknown field \"spec.strategy\""),
                new Case("plain text in a secret's data: the group of four it ends in is cut short", ResourceTypes.SECRET, """
                        apiVersion: v1
                        kind: Secret
                        metadata: {name: db}
                        data: {password: mypassword}
                        """,
                        "Error from server (BadRequest): error when creating \"pod.yaml\": Secret in version \"v1\" cannot be handled "
                                + "as a Secret: illegal base64 data at input byte 8"),
                new Case("a character base64 does not have", ResourceTypes.SECRET, """
                        apiVersion: v1
                        kind: Secret
                        metadata: {name: db}
                        data: {user: bXk-dXNlcg==}
                        """,
                        "Error from server (BadRequest): error when creating \"pod.yaml\": Secret in version \"v1\" cannot be handled "
                                + "as a Secret: illegal base64 data at input byte 3"),
                new Case("a config map value must be a string", ResourceTypes.CONFIG_MAP, """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: settings}
                        data: {replicas: 3}
                        """,
                        "Error from server (BadRequest): error when creating \"pod.yaml\": ConfigMap in version \"v1\" cannot be handled "
                                + "as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void printsWhatKubectlPrints(Case c) {
        Optional<String> error = decoder.decodeError(c.kind(), yaml(c.manifest()));
        assertEquals(c.printed(), error.map(m -> Decoder.kubectlCreateError("pod.yaml", m)).orElse("<decoded>"));
    }

    @Test
    void base64AsGoDecodesIt() {
        assertEquals(-1, GoBase64.corruptAt("YWRtaW4="));
        assertEquals(-1, GoBase64.corruptAt("YQ=="));
        assertEquals(-1, GoBase64.corruptAt("YWJj\nZGVm\n"));
        assertEquals(4, GoBase64.corruptAt("admin"));
        assertEquals(3, GoBase64.corruptAt("YQ="));
        assertEquals(1, GoBase64.corruptAt("Y==="));
        assertEquals(4, GoBase64.corruptAt("YQ==YQ=="));
    }

    @Test
    void aCompleteRealManifestDecodes() {
        JsonNode deploy = yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  labels: {app: web}
                  annotations: {kubernetes.io/change-cause: first}
                spec:
                  replicas: 3
                  revisionHistoryLimit: 5
                  progressDeadlineSeconds: 120
                  minReadySeconds: 10
                  selector: {matchLabels: {app: web}}
                  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 25%}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      nodeSelector: {disk: ssd}
                      terminationGracePeriodSeconds: 10
                      volumes: [{name: data, emptyDir: {}}, {name: cfg, configMap: {name: c}}]
                      containers:
                      - name: web
                        image: luksa/kubia:v1
                        command: [node]
                        args: [app.js]
                        ports: [{name: http, containerPort: 8080, protocol: TCP}]
                        env:
                        - {name: A, value: "1"}
                        - name: POD
                          valueFrom: {fieldRef: {fieldPath: metadata.name}}
                        resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: "1", memory: 1Gi}}
                        volumeMounts: [{name: data, mountPath: /data}]
                        livenessProbe:
                          httpGet: {path: /, port: http, scheme: HTTP, httpHeaders: [{name: X, value: y}]}
                          initialDelaySeconds: 15
                          periodSeconds: 5
                          timeoutSeconds: 2
                          failureThreshold: 3
                          successThreshold: 1
                        readinessProbe: {exec: {command: [cat, /tmp/ready]}}
                        startupProbe: {tcpSocket: {port: 8080}, failureThreshold: 30}
                        lifecycle: {preStop: {exec: {command: [sleep, "5"]}}}
                        securityContext: {runAsUser: 1000, capabilities: {drop: [ALL]}}
                status: {replicas: 3, conditions: [{type: Available, status: "True"}]}
                """);
        assertEquals(Optional.empty(), decoder.decodeError(ResourceTypes.DEPLOYMENT, deploy));
    }
}
