package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ResourceTypes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * describe rc, rs and ds for objects as their controllers leave them: status counts, owned pods in
 * several phases (and pods that do not count: an orphan, another controller's), events.
 */
class DescribeWorkloadsTest {
    private final Store store = new Store();

    /** A pod with these labels, controlled by {@code ownerUid} (none when null), in {@code phase}. */
    private void pod(String name, String labels, String ownerKind, String ownerUid, String phase) {
        String owner = ownerUid == null ? "" : ", ownerReferences: [{apiVersion: v1, kind: %s, name: x, uid: %s, controller: true}]"
                .formatted(ownerKind, ownerUid);
        store.put(ResourceTypes.POD, "{metadata: {name: %s, labels: {%s}%s}, status: {phase: %s}}".formatted(name, labels, owner, phase));
    }

    @Test
    void replicaSetCountsOnlyThePodsItControls() {
        ObjectNode rs = store.put(ResourceTypes.REPLICA_SET, """
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: guestbook
                  uid: 7d1e0d2c-0001-4a1b-9c1d-000000000001
                  labels: {app: guestbook, tier: frontend}
                spec:
                  replicas: 3
                  selector: {matchLabels: {tier: frontend}}
                  template:
                    metadata: {creationTimestamp: null, labels: {tier: frontend}}
                    spec:
                      containers:
                      - {name: php-redis, image: "gb-frontend:v5", resources: {}, terminationMessagePath: /dev/termination-log,
                         terminationMessagePolicy: File, imagePullPolicy: IfNotPresent}
                      restartPolicy: Always
                      terminationGracePeriodSeconds: 30
                      dnsPolicy: ClusterFirst
                      securityContext: {}
                      schedulerName: default-scheduler
                status: {replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1}
                """);
        String uid = "7d1e0d2c-0001-4a1b-9c1d-000000000001";
        pod("guestbook-bdf2k", "tier: frontend", "ReplicaSet", uid, "Running");
        pod("guestbook-kx8vn", "tier: frontend", "ReplicaSet", uid, "Running");
        pod("guestbook-q5wzt", "tier: frontend", "ReplicaSet", uid, "Pending");
        pod("lonely", "tier: frontend", null, null, "Running");
        pod("other", "tier: frontend", "ReplicaSet", "someone-else", "Running");
        pod("relabelled", "tier: debug", "ReplicaSet", uid, "Running");
        store.event(rs, "SuccessfulCreate", "Created pod: guestbook-bdf2k", "replicaset-controller", 13);
        store.event(rs, "SuccessfulCreate", "Created pod: guestbook-kx8vn", "replicaset-controller", 13);
        store.event(rs, "SuccessfulCreate", "Created pod: guestbook-q5wzt", "replicaset-controller", 12);
        assertEquals("""
                Name:         guestbook
                Namespace:    default
                Selector:     tier=frontend
                Labels:       app=guestbook
                              tier=frontend
                Annotations:  <none>
                Replicas:     3 current / 3 desired
                Pods Status:  2 Running / 1 Waiting / 0 Succeeded / 0 Failed
                Pod Template:
                  Labels:  tier=frontend
                  Containers:
                   php-redis:
                    Image:         gb-frontend:v5
                    Port:          <none>
                    Host Port:     <none>
                    Environment:   <none>
                    Mounts:        <none>
                  Volumes:         <none>
                  Node-Selectors:  <none>
                  Tolerations:     <none>
                Events:
                  Type    Reason            Age   From                   Message
                  ----    ------            ----  ----                   -------
                  Normal  SuccessfulCreate  13s   replicaset-controller  Created pod: guestbook-bdf2k
                  Normal  SuccessfulCreate  13s   replicaset-controller  Created pod: guestbook-kx8vn
                  Normal  SuccessfulCreate  12s   replicaset-controller  Created pod: guestbook-q5wzt
                """, store.describe(ResourceTypes.REPLICA_SET, rs));
    }

    @Test
    void replicaSetOfADeploymentWithExpressionsAndNoEvents() {
        ObjectNode rs = store.put(ResourceTypes.REPLICA_SET, """
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: web-75675f5897
                  uid: 7d1e0d2c-0002-4a1b-9c1d-000000000002
                  labels: {app: web, pod-template-hash: 75675f5897}
                  annotations: {deployment.kubernetes.io/desired-replicas: "2", deployment.kubernetes.io/max-replicas: "3",
                                deployment.kubernetes.io/revision: "1"}
                  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: d1, controller: true, blockOwnerDeletion: true}]
                spec:
                  replicas: 2
                  selector:
                    matchLabels: {app: web, pod-template-hash: 75675f5897}
                    matchExpressions: [{key: env, operator: In, values: [prod, dev]}]
                  template:
                    metadata:
                      labels: {app: web, env: dev, pod-template-hash: 75675f5897}
                      annotations: {kubectl.kubernetes.io/restartedAt: "2026-01-05T08:00:00Z"}
                    spec:
                      serviceAccountName: web
                      containers:
                      - name: web
                        image: "nginx:1.27"
                        ports: [{containerPort: 80, protocol: TCP}, {containerPort: 443, protocol: TCP}]
                        env: [{name: POD_NAME, valueFrom: {fieldRef: {apiVersion: v1, fieldPath: metadata.name}}}]
                status: {replicas: 0}
                """);
        assertEquals("""
                Name:           web-75675f5897
                Namespace:      default
                Selector:       app=web,env in (dev,prod),pod-template-hash=75675f5897
                Labels:         app=web
                                pod-template-hash=75675f5897
                Annotations:    deployment.kubernetes.io/desired-replicas: 2
                                deployment.kubernetes.io/max-replicas: 3
                                deployment.kubernetes.io/revision: 1
                Controlled By:  Deployment/web
                Replicas:       0 current / 2 desired
                Pods Status:    0 Running / 0 Waiting / 0 Succeeded / 0 Failed
                Pod Template:
                  Labels:           app=web
                                    env=dev
                                    pod-template-hash=75675f5897
                  Annotations:      kubectl.kubernetes.io/restartedAt: 2026-01-05T08:00:00Z
                  Service Account:  web
                  Containers:
                   web:
                    Image:       nginx:1.27
                    Ports:       80/TCP, 443/TCP
                    Host Ports:  0/TCP, 0/TCP
                    Environment:
                      POD_NAME:     (v1:metadata.name)
                    Mounts:        <none>
                  Volumes:         <none>
                  Node-Selectors:  <none>
                  Tolerations:     <none>
                Events:            <none>
                """, store.describe(ResourceTypes.REPLICA_SET, rs));
    }

    @Test
    void replicationControllerThatCannotCreateItsPods() {
        ObjectNode rc = store.put(ResourceTypes.REPLICATION_CONTROLLER, """
                apiVersion: v1
                kind: ReplicationController
                metadata:
                  name: kubia
                  uid: 7d1e0d2c-0003-4a1b-9c1d-000000000003
                  labels: {app: kubia}
                spec:
                  replicas: 3
                  selector: {app: kubia}
                  template:
                    metadata: {labels: {app: kubia}}
                    spec:
                      containers:
                      - name: kubia
                        image: luksa/kubia
                        ports: [{containerPort: 8080, protocol: TCP}]
                        env: [{name: GREETING, value: hello}]
                        resources: {limits: {cpu: 500m, memory: 128Mi}, requests: {cpu: 250m}}
                status:
                  replicas: 2
                  readyReplicas: 1
                  conditions:
                  - {type: ReplicaFailure, status: "True", reason: FailedCreate, message: "pods \\"kubia-x\\" is forbidden: exceeded quota"}
                """);
        String uid = "7d1e0d2c-0003-4a1b-9c1d-000000000003";
        pod("kubia-7hq2m", "app: kubia", "ReplicationController", uid, "Running");
        pod("kubia-zj4nw", "app: kubia", "ReplicationController", uid, "Succeeded");
        pod("kubia-c9wlt", "app: kubia", "ReplicationController", uid, "Failed");
        store.event(rc, "SuccessfulCreate", "Created pod: kubia-7hq2m", "replication-controller", 300);
        assertEquals("""
                Name:         kubia
                Namespace:    default
                Selector:     app=kubia
                Labels:       app=kubia
                Annotations:  <none>
                Replicas:     2 current / 3 desired
                Pods Status:  1 Running / 0 Waiting / 1 Succeeded / 1 Failed
                Pod Template:
                  Labels:  app=kubia
                  Containers:
                   kubia:
                    Image:      luksa/kubia
                    Port:       8080/TCP
                    Host Port:  0/TCP
                    Limits:
                      cpu:     500m
                      memory:  128Mi
                    Requests:
                      cpu:  250m
                    Environment:
                      GREETING:    hello
                    Mounts:        <none>
                  Volumes:         <none>
                  Node-Selectors:  <none>
                  Tolerations:     <none>
                Conditions:
                  Type             Status  Reason
                  ----             ------  ------
                  ReplicaFailure   True    FailedCreate
                Events:
                  Type    Reason            Age   From                    Message
                  ----    ------            ----  ----                    -------
                  Normal  SuccessfulCreate  5m    replication-controller  Created pod: kubia-7hq2m
                """, store.describe(ResourceTypes.REPLICATION_CONTROLLER, rc));
    }

    @Test
    void daemonSetHasNoNamespaceLineAndUntabbedNodeCounts() {
        ObjectNode ds = store.put(ResourceTypes.DAEMON_SET, """
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: log-agent
                  namespace: kube-system
                  uid: 7d1e0d2c-0004-4a1b-9c1d-000000000004
                  labels: {app: log-agent}
                  annotations: {deprecated.daemonset.template.generation: "1"}
                spec:
                  selector: {matchLabels: {app: log-agent}}
                  template:
                    metadata: {labels: {app: log-agent}}
                    spec:
                      priorityClassName: system-node-critical
                      tolerations: [{key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}]
                      containers:
                      - name: agent
                        image: "busybox:1.36"
                        command: [sh, -c, tail -F /var/log/syslog]
                        resources: {limits: {memory: 200Mi}, requests: {cpu: 100m, memory: 200Mi}}
                        volumeMounts: [{name: varlog, mountPath: /var/log, readOnly: true}]
                      volumes: [{name: varlog, hostPath: {path: /var/log, type: ""}}]
                  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 1, maxSurge: 0}}
                  revisionHistoryLimit: 10
                status: {currentNumberScheduled: 3, numberMisscheduled: 0, desiredNumberScheduled: 3, numberReady: 2,
                         observedGeneration: 1, updatedNumberScheduled: 3, numberAvailable: 2, numberUnavailable: 1}
                """);
        String uid = "7d1e0d2c-0004-4a1b-9c1d-000000000004";
        for (String p : new String[] {"log-agent-4xk9b Running", "log-agent-8dzv2 Running", "log-agent-tq5nh Pending"}) {
            store.put(ResourceTypes.POD, "{metadata: {name: %s, namespace: kube-system, labels: {app: log-agent}, ownerReferences: "
                    .formatted(p.split(" ")[0]) + "[{apiVersion: apps/v1, kind: DaemonSet, name: log-agent, uid: " + uid
                    + ", controller: true}]}, status: {phase: " + p.split(" ")[1] + "}}");
        }
        store.event(ds, "SuccessfulCreate", "Created pod: log-agent-4xk9b", "daemonset-controller", 120);
        assertEquals("""
                Name:           log-agent
                Selector:       app=log-agent
                Node-Selector:  <none>
                Labels:         app=log-agent
                Annotations:    deprecated.daemonset.template.generation: 1
                Desired Number of Nodes Scheduled: 3
                Current Number of Nodes Scheduled: 3
                Number of Nodes Scheduled with Up-to-date Pods: 3
                Number of Nodes Scheduled with Available Pods: 2
                Number of Nodes Misscheduled: 0
                Pods Status:  2 Running / 1 Waiting / 0 Succeeded / 0 Failed
                Pod Template:
                  Labels:  app=log-agent
                  Containers:
                   agent:
                    Image:      busybox:1.36
                    Port:       <none>
                    Host Port:  <none>
                    Command:
                      sh
                      -c
                      tail -F /var/log/syslog
                    Limits:
                      memory:  200Mi
                    Requests:
                      cpu:        100m
                      memory:     200Mi
                    Environment:  <none>
                    Mounts:
                      /var/log from varlog (ro)
                  Volumes:
                   varlog:
                    Type:               HostPath (bare host directory volume)
                    Path:               /var/log
                    HostPathType:       \n\
                  Priority Class Name:  system-node-critical
                  Node-Selectors:       <none>
                  Tolerations:          node-role.kubernetes.io/control-plane:NoSchedule op=Exists
                Events:
                  Type    Reason            Age   From                  Message
                  ----    ------            ----  ----                  -------
                  Normal  SuccessfulCreate  2m    daemonset-controller  Created pod: log-agent-4xk9b
                """, store.describe(ResourceTypes.DAEMON_SET, ds));
    }
}
