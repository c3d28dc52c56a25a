package kubetutor.engine.api.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Manifests in (defaulted as on create), kubectl's text for the API server's Invalid error out. */
class ValidatorTest {
    final Defaulter defaulter = new Defaulter(Schema.standard());
    final Validator validator = new Validator();

    record Case(String name, ResourceType kind, String manifest, String printed) {
        @Override
        public String toString() {
            return name;
        }
    }

    ObjectNode created(ResourceType kind, String manifest) {
        ObjectNode o = (ObjectNode) DecoderTest.yaml(manifest);
        defaulter.apply(kind, o, n -> "abcde".substring(0, n));
        return o;
    }

    static final String SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
            + "and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
            + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    static List<Case> cases() {
        return List.of(
                new Case("missing image", ResourceTypes.POD, "{metadata: {name: x}, spec: {containers: [{name: a}]}}",
                        "The Pod \"x\" is invalid: spec.containers[0].image: Required value"),
                new Case("no name", ResourceTypes.POD, "{metadata: {}, spec: {containers: [{name: a, image: nginx}]}}",
                        "The Pod \"\" is invalid: metadata.name: Required value: name or generateName is required"),
                new Case("capital letters in a pod name", ResourceTypes.POD, "{metadata: {name: My_Pod}, spec: {containers: [{name: a, image: nginx}]}}",
                        "The Pod \"My_Pod\" is invalid: metadata.name: Invalid value: \"My_Pod\": " + SUBDOMAIN),
                new Case("service names are DNS-1035 labels", ResourceTypes.SERVICE, "{metadata: {name: 1web}, spec: {ports: [{port: 80}]}}",
                        "The Service \"1web\" is invalid: metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case "
                                + "alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character "
                                + "(e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"),
                new Case("several errors", ResourceTypes.POD, """
                        metadata: {name: x, labels: {app: "bad value"}}
                        spec:
                          restartPolicy: Sometimes
                          containers:
                          - {name: a, image: nginx, ports: [{containerPort: 70000}]}
                          - name: a
                            image: nginx
                            livenessProbe: {periodSeconds: -1, successThreshold: 2}
                            readinessProbe: {exec: {command: [true]}, httpGet: {port: 80}}
                        """,
                        "The Pod \"x\" is invalid: \n"
                                + "* metadata.labels: Invalid value: \"bad value\": a valid label must be an empty string or consist of alphanumeric "
                                + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or "
                                + "'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n"
                                + "* spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive\n"
                                + "* spec.containers[1].name: Duplicate value: \"a\"\n"
                                + "* spec.containers[1].livenessProbe: Required value: must specify a handler type\n"
                                + "* spec.containers[1].livenessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0\n"
                                + "* spec.containers[1].livenessProbe.successThreshold: Invalid value: 2: must be 1\n"
                                + "* spec.containers[1].readinessProbe.httpGet: Forbidden: may not specify more than 1 handler type\n"
                                + "* spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\""),
                new Case("deployment without selector", ResourceTypes.DEPLOYMENT, """
                        metadata: {name: web}
                        spec:
                          template:
                            metadata: {labels: {app: web}}
                            spec: {containers: [{name: nginx, image: nginx}]}
                        """,
                        "The Deployment \"web\" is invalid: \n"
                                + "* spec.selector: Required value\n"
                                + "* spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: "
                                + "`selector` does not match template `labels`"),
                new Case("deployment that may neither surge nor lose a pod, and waits longer than its deadline", ResourceTypes.DEPLOYMENT, """
                        metadata: {name: web}
                        spec:
                          minReadySeconds: 600
                          strategy: {rollingUpdate: {maxSurge: 0, maxUnavailable: 0%}}
                          selector: {matchLabels: {app: web}}
                          template:
                            metadata: {labels: {app: web}}
                            spec: {containers: [{name: nginx, image: nginx}]}
                        """,
                        "The Deployment \"web\" is invalid: \n"
                                + "* spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, "
                                + "StrVal:\"0%\"}: may not be 0 when `maxSurge` is 0\n"
                                + "* spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds"),
                new Case("deployment: Recreate with rolling-update bounds", ResourceTypes.DEPLOYMENT, """
                        metadata: {name: web}
                        spec:
                          strategy: {type: Recreate, rollingUpdate: {maxSurge: 1}}
                          selector: {matchLabels: {app: web}}
                          template:
                            metadata: {labels: {app: web}}
                            spec: {containers: [{name: nginx, image: nginx}]}
                        """,
                        "The Deployment \"web\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when "
                                + "strategy `type` is 'Recreate'"),
                new Case("deployment: unknown strategy", ResourceTypes.DEPLOYMENT, """
                        metadata: {name: web}
                        spec:
                          strategy: {type: BlueGreen}
                          selector: {matchLabels: {app: web}}
                          template:
                            metadata: {labels: {app: web}}
                            spec: {containers: [{name: nginx, image: nginx}]}
                        """,
                        "The Deployment \"web\" is invalid: spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:\"BlueGreen\", "
                                + "RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: \"Recreate\", \"RollingUpdate\""),
                new Case("selector not matching, negative replicas, Never", ResourceTypes.REPLICA_SET, """
                        metadata: {name: web}
                        spec:
                          replicas: -1
                          selector: {matchLabels: {app: web}}
                          template:
                            metadata: {labels: {app: api, tier: fe}}
                            spec: {restartPolicy: Never, containers: [{name: nginx, image: nginx}]}
                        """,
                        "The ReplicaSet \"web\" is invalid: \n"
                                + "* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n"
                                + "* spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"api\", \"tier\":\"fe\"}: "
                                + "`selector` does not match template `labels`\n"
                                + "* spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\""),
                new Case("service without ports, unknown type", ResourceTypes.SERVICE, "{metadata: {name: web}, spec: {type: Public}}",
                        "The Service \"web\" is invalid: \n* spec.ports: Required value\n"
                                + "* spec.type: Unsupported value: \"Public\": supported values: \"ClusterIP\", \"ExternalName\", "
                                + "\"LoadBalancer\", \"NodePort\""),
                new Case("daemon set without selector: nothing matches, but nothing is required", ResourceTypes.DAEMON_SET, """
                        metadata: {name: agent}
                        spec:
                          template:
                            metadata: {labels: {app: agent}}
                            spec: {containers: [{name: agent, image: busybox}]}
                        """,
                        "The DaemonSet \"agent\" is invalid: spec.template.metadata.labels: Invalid value: "
                                + "map[string]string{\"app\":\"agent\"}: `selector` does not match template `labels`"),
                new Case("daemon set with an empty selector, a surge and a deadline", ResourceTypes.DAEMON_SET, """
                        metadata: {name: agent}
                        spec:
                          selector: {}
                          updateStrategy: {rollingUpdate: {maxSurge: 1}}
                          template:
                            metadata: {labels: {app: agent}}
                            spec: {activeDeadlineSeconds: 60, containers: [{name: agent, image: busybox}]}
                        """,
                        "The DaemonSet \"agent\" is invalid: \n"
                                + "* spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), "
                                + "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for daemonset\n"
                                + "* spec.template.spec.activeDeadlineSeconds: Invalid value: 60: must not be specified\n"
                                + "* spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, "
                                + "StrVal:\"\"}: may not be set when maxUnavailable is non-zero"),
                new Case("daemon set rolling with neither unavailable nor surge", ResourceTypes.DAEMON_SET, """
                        metadata: {name: agent}
                        spec:
                          selector: {matchLabels: {app: agent}}
                          updateStrategy: {rollingUpdate: {maxUnavailable: 0%}}
                          template:
                            metadata: {labels: {app: agent}}
                            spec: {containers: [{name: agent, image: busybox}]}
                        """,
                        "The DaemonSet \"agent\" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: "
                                + "cannot be 0 when maxSurge is 0"),
                new Case("daemon set with an unknown strategy", ResourceTypes.DAEMON_SET, """
                        metadata: {name: agent}
                        spec:
                          selector: {matchLabels: {app: agent}}
                          updateStrategy: {type: Recreate}
                          template:
                            metadata: {labels: {app: agent}}
                            spec: {containers: [{name: agent, image: busybox}]}
                        """,
                        "The DaemonSet \"agent\" is invalid: spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy"
                                + "{Type:\"Recreate\", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "
                                + "\"RollingUpdate\", \"OnDelete\""),
                new Case("config map keys are file names", ResourceTypes.CONFIG_MAP, """
                        metadata: {name: settings}
                        data: {"app settings": x, ..hidden: y, ok: z}
                        binaryData: {ok: eg==}
                        """,
                        "The ConfigMap \"settings\" is invalid: \n"
                                + "* data[..hidden]: Invalid value: \"..hidden\": must not start with '..'\n"
                                + "* data[app settings]: Invalid value: \"app settings\": a valid config key must consist of alphanumeric "
                                + "characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for "
                                + "validation is '[-._a-zA-Z0-9]+')\n"
                                + "* data[ok]: Invalid value: \"ok\": duplicate of key present in binaryData"),
                new Case("a TLS secret needs its certificate and key", ResourceTypes.SECRET,
                        "{metadata: {name: web-tls}, type: kubernetes.io/tls, data: {tls.crt: eA==}}",
                        "The Secret \"web-tls\" is invalid: data[tls.key]: Required value"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void printsWhatKubectlPrints(Case c) {
        ObjectNode o = created(c.kind(), c.manifest());
        String name = o.path("metadata").path("name").asText();
        assertEquals(c.printed(), Validator.message(c.kind(), name, validator.validate(c.kind(), o)));
    }

    @Test
    void validObjectsHaveNoErrors() {
        assertEquals(List.of(), validator.validate(ResourceTypes.DEPLOYMENT, created(ResourceTypes.DEPLOYMENT, """
                metadata: {name: web}
                spec:
                  replicas: 3
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web, tier: fe}}
                    spec:
                      containers:
                      - name: web
                        image: nginx
                        ports: [{containerPort: 80, name: http}]
                        readinessProbe: {httpGet: {port: http}}
                """)));
        assertEquals(List.of(), validator.validate(ResourceTypes.NAMESPACE, created(ResourceTypes.NAMESPACE, "{metadata: {name: dev}}")));
    }

    @Test
    void podUpdatesMayOnlyChangeImages() {
        ObjectNode old = created(ResourceTypes.POD, "{metadata: {name: x}, spec: {containers: [{name: a, image: nginx, ports: [{containerPort: 80}]}]}}");
        ObjectNode image = old.deepCopy();
        ((ObjectNode) image.at("/spec/containers/0")).put("image", "nginx:1.27");
        assertEquals(List.of(), validator.validateUpdate(ResourceTypes.POD, old, image));
        ObjectNode port = old.deepCopy();
        ((ObjectNode) port.at("/spec/containers/0/ports/0")).put("containerPort", 8080);
        assertEquals("The Pod \"x\" is invalid: spec: Forbidden: pod updates may not change fields other than "
                        + "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` "
                        + "(only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if "
                        + "it was previously negative)",
                Validator.message(ResourceTypes.POD, "x", validator.validateUpdate(ResourceTypes.POD, old, port)));
    }

    @Test
    void aDaemonSetSelectorIsImmutable() {
        ObjectNode old = created(ResourceTypes.DAEMON_SET, """
                metadata: {name: agent}
                spec:
                  selector: {matchLabels: {app: agent}}
                  template: {metadata: {labels: {app: agent, tier: node}}, spec: {containers: [{name: a, image: busybox}]}}
                """);
        ObjectNode changed = old.deepCopy();
        ((ObjectNode) changed.at("/spec/selector/matchLabels")).put("tier", "node");
        assertEquals("The DaemonSet \"agent\" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:"
                        + "map[string]string{\"app\":\"agent\", \"tier\":\"node\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: "
                        + "field is immutable",
                Validator.message(ResourceTypes.DAEMON_SET, "agent", validator.validateUpdate(ResourceTypes.DAEMON_SET, old, changed)));
    }

    @Test
    void immutableDataStaysAsItIs() {
        ObjectNode old = created(ResourceTypes.CONFIG_MAP, "{metadata: {name: settings}, immutable: true, data: {mode: fast}}");
        ObjectNode changed = old.deepCopy();
        ((ObjectNode) changed.get("data")).put("mode", "slow");
        changed.put("immutable", false);
        assertEquals("The ConfigMap \"settings\" is invalid: \n"
                        + "* immutable: Forbidden: field is immutable when `immutable` is set\n"
                        + "* data: Forbidden: field is immutable when `immutable` is set",
                Validator.message(ResourceTypes.CONFIG_MAP, "settings", validator.validateUpdate(ResourceTypes.CONFIG_MAP, old, changed)));
        ObjectNode secret = created(ResourceTypes.SECRET, "{metadata: {name: db}, data: {password: eA==}}");
        ObjectNode retyped = secret.deepCopy();
        retyped.put("type", "kubernetes.io/basic-auth");
        assertEquals("The Secret \"db\" is invalid: type: Invalid value: \"kubernetes.io/basic-auth\": field is immutable",
                Validator.message(ResourceTypes.SECRET, "db", validator.validateUpdate(ResourceTypes.SECRET, secret, retyped)));
    }

    @Test
    void aDaemonSetCountsTheChangesOfItsTemplate() {
        SchemaAdmission admission = new SchemaAdmission(n -> "abcde".substring(0, n));
        ObjectNode old = created(ResourceTypes.DAEMON_SET, """
                metadata: {name: agent}
                spec:
                  selector: {matchLabels: {app: agent}}
                  template: {metadata: {labels: {app: agent}}, spec: {containers: [{name: a, image: busybox}]}}
                """);
        ObjectNode scaled = old.deepCopy();
        ((ObjectNode) scaled.get("spec")).put("minReadySeconds", 5);
        admission.validateUpdate(ResourceTypes.DAEMON_SET, old, scaled);
        assertEquals("1", scaled.at("/metadata/annotations/deprecated.daemonset.template.generation").asText());
        ObjectNode newImage = scaled.deepCopy();
        ((ObjectNode) newImage.at("/spec/template/spec/containers/0")).put("image", "busybox:1.36");
        ((ObjectNode) newImage.at("/metadata/annotations")).put("deprecated.daemonset.template.generation", "7");
        admission.validateUpdate(ResourceTypes.DAEMON_SET, scaled, newImage);
        assertEquals("2", newImage.at("/metadata/annotations/deprecated.daemonset.template.generation").asText());
    }

    @Test
    void aDeploymentSelectorIsImmutable() {
        ObjectNode old = created(ResourceTypes.DEPLOYMENT, """
                metadata: {name: web}
                spec:
                  selector: {matchLabels: {app: web}}
                  template: {metadata: {labels: {app: web, v: "2"}}, spec: {containers: [{name: a, image: nginx}]}}
                """);
        ObjectNode changed = old.deepCopy();
        ((ObjectNode) changed.at("/spec/selector/matchLabels")).put("v", "2");
        assertEquals("The Deployment \"web\" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:"
                        + "map[string]string{\"app\":\"web\", \"v\":\"2\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: "
                        + "field is immutable",
                Validator.message(ResourceTypes.DEPLOYMENT, "web", validator.validateUpdate(ResourceTypes.DEPLOYMENT, old, changed)));
    }
}
