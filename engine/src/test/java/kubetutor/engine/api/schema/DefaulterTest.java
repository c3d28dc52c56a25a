package kubetutor.engine.api.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import org.junit.jupiter.api.Test;

/** What the 1.32 API server stores for a manifest, keys in Go struct order. */
class DefaulterTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    final Defaulter defaulter = new Defaulter(Schema.standard());
    /** A fixed suffix stands in for the engine's seeded generator. */
    final DefaultingContext context = n -> "bcdfg".substring(0, n);

    private String defaulted(ResourceType kind, String manifest) throws Exception {
        ObjectNode object = (ObjectNode) YAML.readTree(manifest);
        defaulter.apply(kind, object, context);
        return YAML.writeValueAsString(object);
    }

    private static String same(String yaml) throws Exception {
        return YAML.writeValueAsString(YAML.readTree(yaml));
    }

    @Test
    void minimalPodGetsWhatARealClusterShows() throws Exception {
        String stored = defaulted(ResourceTypes.POD, """
                apiVersion: v1
                kind: Pod
                metadata: {labels: {run: nginx}, name: nginx, namespace: default}
                spec:
                  containers:
                  - {image: nginx, name: nginx}
                """);
        assertEquals(same("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: nginx
                  namespace: default
                  labels:
                    run: nginx
                spec:
                  volumes:
                  - name: kube-api-access-bcdfg
                    projected:
                      sources:
                      - serviceAccountToken:
                          expirationSeconds: 3607
                          path: token
                      - configMap:
                          name: kube-root-ca.crt
                          items:
                          - key: ca.crt
                            path: ca.crt
                      - downwardAPI:
                          items:
                          - path: namespace
                            fieldRef:
                              apiVersion: v1
                              fieldPath: metadata.namespace
                      defaultMode: 420
                  containers:
                  - name: nginx
                    image: nginx
                    resources: {}
                    volumeMounts:
                    - name: kube-api-access-bcdfg
                      readOnly: true
                      mountPath: /var/run/secrets/kubernetes.io/serviceaccount
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                    imagePullPolicy: Always
                  restartPolicy: Always
                  terminationGracePeriodSeconds: 30
                  dnsPolicy: ClusterFirst
                  serviceAccountName: default
                  serviceAccount: default
                  securityContext: {}
                  schedulerName: default-scheduler
                  tolerations:
                  - key: node.kubernetes.io/not-ready
                    operator: Exists
                    effect: NoExecute
                    tolerationSeconds: 300
                  - key: node.kubernetes.io/unreachable
                    operator: Exists
                    effect: NoExecute
                    tolerationSeconds: 300
                  priority: 0
                  enableServiceLinks: true
                  preemptionPolicy: PreemptLowerPriority
                status:
                  phase: Pending
                  qosClass: BestEffort
                """), stored);
    }

    @Test
    void probesPortsAndResourcesOfAPod() throws Exception {
        String stored = defaulted(ResourceTypes.POD, """
                apiVersion: v1
                kind: Pod
                metadata: {name: kubia}
                spec:
                  automountServiceAccountToken: false
                  containers:
                  - name: kubia
                    image: luksa/kubia:v2
                    ports: [{containerPort: 8080}]
                    resources: {limits: {cpu: 500m, memory: 64Mi}}
                    livenessProbe: {httpGet: {port: 8080}, initialDelaySeconds: 15}
                """);
        assertEquals(same("""
                apiVersion: v1
                kind: Pod
                metadata: {name: kubia}
                spec:
                  containers:
                  - name: kubia
                    image: luksa/kubia:v2
                    ports: [{containerPort: 8080, protocol: TCP}]
                    resources:
                      limits: {cpu: 500m, memory: 64Mi}
                      requests: {cpu: 500m, memory: 64Mi}
                    livenessProbe:
                      httpGet: {path: /, port: 8080, scheme: HTTP}
                      initialDelaySeconds: 15
                      timeoutSeconds: 1
                      periodSeconds: 10
                      successThreshold: 1
                      failureThreshold: 3
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                    imagePullPolicy: IfNotPresent
                  restartPolicy: Always
                  terminationGracePeriodSeconds: 30
                  dnsPolicy: ClusterFirst
                  serviceAccountName: default
                  serviceAccount: default
                  automountServiceAccountToken: false
                  securityContext: {}
                  schedulerName: default-scheduler
                  tolerations:
                  - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
                  - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
                  priority: 0
                  enableServiceLinks: true
                  preemptionPolicy: PreemptLowerPriority
                status: {phase: Pending, qosClass: Guaranteed}
                """), stored);
    }

    @Test
    void deploymentTemplateHasSpecDefaultsButNoAdmissionParts() throws Exception {
        String stored = defaulted(ResourceTypes.DEPLOYMENT, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, labels: {app: web}}
                spec:
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: nginx, image: "nginx:1.27"}]
                  selector: {matchLabels: {app: web}}
                """);
        assertEquals(same("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, labels: {app: web}}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata:
                      creationTimestamp: null
                      labels: {app: web}
                    spec:
                      containers:
                      - name: nginx
                        image: "nginx:1.27"
                        resources: {}
                        terminationMessagePath: /dev/termination-log
                        terminationMessagePolicy: File
                        imagePullPolicy: IfNotPresent
                      restartPolicy: Always
                      terminationGracePeriodSeconds: 30
                      dnsPolicy: ClusterFirst
                      securityContext: {}
                      schedulerName: default-scheduler
                  strategy:
                    type: RollingUpdate
                    rollingUpdate: {maxUnavailable: 25%, maxSurge: 25%}
                  revisionHistoryLimit: 10
                  progressDeadlineSeconds: 600
                status: {}
                """), stored);
    }

    @Test
    void replicationControllerTakesSelectorAndLabelsFromItsTemplate() throws Exception {
        String stored = defaulted(ResourceTypes.REPLICATION_CONTROLLER, """
                apiVersion: v1
                kind: ReplicationController
                metadata: {name: kubia}
                spec:
                  replicas: 3
                  template:
                    metadata: {labels: {app: kubia}}
                    spec: {containers: [{name: kubia, image: luksa/kubia}]}
                """);
        assertEquals(same("""
                apiVersion: v1
                kind: ReplicationController
                metadata: {name: kubia, labels: {app: kubia}}
                spec:
                  replicas: 3
                  selector: {app: kubia}
                  template:
                    metadata: {creationTimestamp: null, labels: {app: kubia}}
                    spec:
                      containers:
                      - {name: kubia, image: luksa/kubia, resources: {}, terminationMessagePath: /dev/termination-log,
                         terminationMessagePolicy: File, imagePullPolicy: Always}
                      restartPolicy: Always
                      terminationGracePeriodSeconds: 30
                      dnsPolicy: ClusterFirst
                      securityContext: {}
                      schedulerName: default-scheduler
                status: {replicas: 0}
                """), stored);
    }

    @Test
    void serviceAndNamespace() throws Exception {
        assertEquals(same("""
                apiVersion: v1
                kind: Service
                metadata: {name: kubia}
                spec:
                  ports: [{protocol: TCP, port: 80, targetPort: 80}]
                  selector: {app: kubia}
                  type: ClusterIP
                  sessionAffinity: None
                  ipFamilies: [IPv4]
                  ipFamilyPolicy: SingleStack
                  internalTrafficPolicy: Cluster
                status: {loadBalancer: {}}
                """), defaulted(ResourceTypes.SERVICE, """
                apiVersion: v1
                kind: Service
                metadata: {name: kubia}
                spec: {selector: {app: kubia}, ports: [{port: 80}]}
                """));
        assertEquals(same("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: dev, labels: {kubernetes.io/metadata.name: dev}}
                spec: {finalizers: [kubernetes]}
                status: {phase: Active}
                """), defaulted(ResourceTypes.NAMESPACE, "{apiVersion: v1, kind: Namespace, metadata: {name: dev}}"));
    }

    @Test
    void daemonSetRollsOneNodeAtATimeAndCountsItsTemplateGeneration() throws Exception {
        assertEquals(same("""
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: agent
                  labels: {app: agent}
                  annotations: {deprecated.daemonset.template.generation: "1"}
                spec:
                  selector: {matchLabels: {app: agent}}
                  template:
                    metadata: {creationTimestamp: null, labels: {app: agent}}
                    spec:
                      containers:
                      - {name: agent, image: "busybox:1.36", resources: {}, terminationMessagePath: /dev/termination-log,
                         terminationMessagePolicy: File, imagePullPolicy: IfNotPresent}
                      restartPolicy: Always
                      terminationGracePeriodSeconds: 30
                      dnsPolicy: ClusterFirst
                      securityContext: {}
                      schedulerName: default-scheduler
                  updateStrategy:
                    type: RollingUpdate
                    rollingUpdate: {maxUnavailable: 1, maxSurge: 0}
                  revisionHistoryLimit: 10
                status: {currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0}
                """), defaulted(ResourceTypes.DAEMON_SET, """
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent, labels: {app: agent}}
                spec:
                  selector: {matchLabels: {app: agent}}
                  template:
                    metadata: {labels: {app: agent}}
                    spec: {containers: [{name: agent, image: "busybox:1.36"}]}
                """));
        assertEquals(same("""
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent, annotations: {deprecated.daemonset.template.generation: "1"}}
                spec:
                  selector: {matchLabels: {app: agent}}
                  template:
                    metadata: {creationTimestamp: null}
                    spec: {restartPolicy: Always, terminationGracePeriodSeconds: 30, dnsPolicy: ClusterFirst, securityContext: {},
                           schedulerName: default-scheduler}
                  updateStrategy: {type: OnDelete}
                  revisionHistoryLimit: 10
                status: {currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0}
                """), defaulted(ResourceTypes.DAEMON_SET, """
                {apiVersion: apps/v1, kind: DaemonSet, metadata: {name: agent},
                 spec: {selector: {matchLabels: {app: agent}}, updateStrategy: {type: OnDelete}}}
                """));
    }

    @Test
    void secretStringDataIsFoldedIntoData() throws Exception {
        assertEquals(same("""
                apiVersion: v1
                kind: Secret
                metadata: {name: db}
                data: {password: czNjcjN0, user: YWRtaW4=}
                type: Opaque
                """), defaulted(ResourceTypes.SECRET, """
                apiVersion: v1
                kind: Secret
                metadata: {name: db}
                data: {password: b2xk}
                stringData: {user: admin, password: s3cr3t}
                """));
        assertEquals(same("{apiVersion: v1, kind: ServiceAccount, metadata: {name: build}}"),
                defaulted(ResourceTypes.SERVICE_ACCOUNT, "{apiVersion: v1, kind: ServiceAccount, metadata: {name: build}}"));
    }

    @Test
    void imagePullPolicyFollowsTheTag() {
        assertEquals("Always", PodDefaults.pullPolicy("nginx"));
        assertEquals("Always", PodDefaults.pullPolicy("nginx:latest"));
        assertEquals("IfNotPresent", PodDefaults.pullPolicy("nginx:1.27"));
        assertEquals("Always", PodDefaults.pullPolicy("localhost:5000/app"));
        assertEquals("IfNotPresent", PodDefaults.pullPolicy("busybox@sha256:abc"));
    }
}
