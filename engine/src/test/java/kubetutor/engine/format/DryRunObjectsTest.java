package kubetutor.engine.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Golden transcripts: the expected text is what the real kubectl 1.32.4 printed for each command
 * (kubectl run needs API discovery even for a client dry run; it was given a stub discovery server).
 */
class DryRunObjectsTest {
    private static final Supplier<String> NO_SUFFIX = () -> {
        throw new AssertionError("no sanitised container name expected");
    };

    private static Map<String, String> labels(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** <code>kubectl create namespace dev --dry-run=client</code> with -o yaml, then -o json: as printed by kubectl 1.32.4. */
    @Test
    void createNamespace() {
        ObjectNode o = DryRunObjects.namespace("dev");
        assertEquals("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  creationTimestamp: null
                  name: dev
                spec: {}
                status: {}
                """, YamlWriter.write(o));
        assertEquals("""
                {
                    "kind": "Namespace",
                    "apiVersion": "v1",
                    "metadata": {
                        "name": "dev",
                        "creationTimestamp": null
                    },
                    "spec": {},
                    "status": {}
                }
                """, JsonWriter.write(o));
    }

    /** <code>kubectl create deployment x --image=nginx --dry-run=client</code> with -o yaml, then -o json: as printed by kubectl 1.32.4. */
    @Test
    void createDeployment() {
        ObjectNode o = DryRunObjects.deployment("x", null, List.of("nginx"), 1, null, List.of(), NO_SUFFIX);
        assertEquals("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  creationTimestamp: null
                  labels:
                    app: x
                  name: x
                spec:
                  replicas: 1
                  selector:
                    matchLabels:
                      app: x
                  strategy: {}
                  template:
                    metadata:
                      creationTimestamp: null
                      labels:
                        app: x
                    spec:
                      containers:
                      - image: nginx
                        name: nginx
                        resources: {}
                status: {}
                """, YamlWriter.write(o));
        assertEquals("""
                {
                    "kind": "Deployment",
                    "apiVersion": "apps/v1",
                    "metadata": {
                        "name": "x",
                        "creationTimestamp": null,
                        "labels": {
                            "app": "x"
                        }
                    },
                    "spec": {
                        "replicas": 1,
                        "selector": {
                            "matchLabels": {
                                "app": "x"
                            }
                        },
                        "template": {
                            "metadata": {
                                "creationTimestamp": null,
                                "labels": {
                                    "app": "x"
                                }
                            },
                            "spec": {
                                "containers": [
                                    {
                                        "name": "nginx",
                                        "image": "nginx",
                                        "resources": {}
                                    }
                                ]
                            }
                        },
                        "strategy": {}
                    },
                    "status": {}
                }
                """, JsonWriter.write(o));
    }

    /** <code>kubectl create deployment web -n dev --image=nginx:1.14.2 --replicas=3 --port=8080 --dry-run=client -- sleep 3600</code> with -o yaml, then -o json: as printed by kubectl 1.32.4. */
    @Test
    void createDeploymentWithFlags() {
        ObjectNode o = DryRunObjects.deployment("web", "dev", List.of("nginx:1.14.2"), 3, 8080, List.of("sleep", "3600"), NO_SUFFIX);
        assertEquals("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  creationTimestamp: null
                  labels:
                    app: web
                  name: web
                  namespace: dev
                spec:
                  replicas: 3
                  selector:
                    matchLabels:
                      app: web
                  strategy: {}
                  template:
                    metadata:
                      creationTimestamp: null
                      labels:
                        app: web
                    spec:
                      containers:
                      - command:
                        - sleep
                        - "3600"
                        image: nginx:1.14.2
                        name: nginx
                        ports:
                        - containerPort: 8080
                        resources: {}
                status: {}
                """, YamlWriter.write(o));
        assertEquals("""
                {
                    "kind": "Deployment",
                    "apiVersion": "apps/v1",
                    "metadata": {
                        "name": "web",
                        "namespace": "dev",
                        "creationTimestamp": null,
                        "labels": {
                            "app": "web"
                        }
                    },
                    "spec": {
                        "replicas": 3,
                        "selector": {
                            "matchLabels": {
                                "app": "web"
                            }
                        },
                        "template": {
                            "metadata": {
                                "creationTimestamp": null,
                                "labels": {
                                    "app": "web"
                                }
                            },
                            "spec": {
                                "containers": [
                                    {
                                        "name": "nginx",
                                        "image": "nginx:1.14.2",
                                        "command": [
                                            "sleep",
                                            "3600"
                                        ],
                                        "ports": [
                                            {
                                                "containerPort": 8080
                                            }
                                        ],
                                        "resources": {}
                                    }
                                ]
                            }
                        },
                        "strategy": {}
                    },
                    "status": {}
                }
                """, JsonWriter.write(o));
    }

    /** <code>kubectl create deployment x --image=registry.k8s.io/e2e-test-images/agnhost:2.39 --image=busybox@sha256:0123 --port=80 --dry-run=client</code> with -o yaml, then -o json: as printed by kubectl 1.32.4. */
    @Test
    void createDeploymentTwoImages() {
        ObjectNode o = DryRunObjects.deployment("x", null, List.of("registry.k8s.io/e2e-test-images/agnhost:2.39", "busybox@sha256:0123"), 1, 80, List.of(), NO_SUFFIX);
        assertEquals("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  creationTimestamp: null
                  labels:
                    app: x
                  name: x
                spec:
                  replicas: 1
                  selector:
                    matchLabels:
                      app: x
                  strategy: {}
                  template:
                    metadata:
                      creationTimestamp: null
                      labels:
                        app: x
                    spec:
                      containers:
                      - image: registry.k8s.io/e2e-test-images/agnhost:2.39
                        name: agnhost
                        ports:
                        - containerPort: 80
                        resources: {}
                      - image: busybox@sha256:0123
                        name: busybox
                        resources: {}
                status: {}
                """, YamlWriter.write(o));
        assertEquals("""
                {
                    "kind": "Deployment",
                    "apiVersion": "apps/v1",
                    "metadata": {
                        "name": "x",
                        "creationTimestamp": null,
                        "labels": {
                            "app": "x"
                        }
                    },
                    "spec": {
                        "replicas": 1,
                        "selector": {
                            "matchLabels": {
                                "app": "x"
                            }
                        },
                        "template": {
                            "metadata": {
                                "creationTimestamp": null,
                                "labels": {
                                    "app": "x"
                                }
                            },
                            "spec": {
                                "containers": [
                                    {
                                        "name": "agnhost",
                                        "image": "registry.k8s.io/e2e-test-images/agnhost:2.39",
                                        "ports": [
                                            {
                                                "containerPort": 80
                                            }
                                        ],
                                        "resources": {}
                                    },
                                    {
                                        "name": "busybox",
                                        "image": "busybox@sha256:0123",
                                        "resources": {}
                                    }
                                ]
                            }
                        },
                        "strategy": {}
                    },
                    "status": {}
                }
                """, JsonWriter.write(o));
    }

    /** <code>kubectl run x --image=nginx --dry-run=client</code> with -o yaml, then -o json: as printed by kubectl 1.32.4. */
    @Test
    void run() {
        ObjectNode o = DryRunObjects.pod(new DryRunObjects.RunSpec("x", null, "nginx", null, null, List.of(), null, false, List.of()));
        assertEquals("""
                apiVersion: v1
                kind: Pod
                metadata:
                  creationTimestamp: null
                  labels:
                    run: x
                  name: x
                spec:
                  containers:
                  - image: nginx
                    name: x
                    resources: {}
                  dnsPolicy: ClusterFirst
                  restartPolicy: Always
                status: {}
                """, YamlWriter.write(o));
        assertEquals("""
                {
                    "kind": "Pod",
                    "apiVersion": "v1",
                    "metadata": {
                        "name": "x",
                        "creationTimestamp": null,
                        "labels": {
                            "run": "x"
                        }
                    },
                    "spec": {
                        "containers": [
                            {
                                "name": "x",
                                "image": "nginx",
                                "resources": {}
                            }
                        ],
                        "restartPolicy": "Always",
                        "dnsPolicy": "ClusterFirst"
                    },
                    "status": {}
                }
                """, JsonWriter.write(o));
    }

    /** <code>kubectl run web -n dev --image=nginx:1.14.2 --port=80 --labels=app=web,tier=front --env=A=1 --env=GREETING=hello_world --restart=Never --dry-run=client</code> with -o yaml, then -o json: as printed by kubectl 1.32.4. */
    @Test
    void runWithFlags() {
        ObjectNode o = DryRunObjects.pod(new DryRunObjects.RunSpec("web", "dev", "nginx:1.14.2", 80, labels("app", "web", "tier", "front"), List.of("A=1", "GREETING=hello_world"), "Never", false, List.of()));
        assertEquals("""
                apiVersion: v1
                kind: Pod
                metadata:
                  creationTimestamp: null
                  labels:
                    app: web
                    tier: front
                  name: web
                  namespace: dev
                spec:
                  containers:
                  - env:
                    - name: A
                      value: "1"
                    - name: GREETING
                      value: hello_world
                    image: nginx:1.14.2
                    name: web
                    ports:
                    - containerPort: 80
                    resources: {}
                  dnsPolicy: ClusterFirst
                  restartPolicy: Never
                status: {}
                """, YamlWriter.write(o));
        assertEquals("""
                {
                    "kind": "Pod",
                    "apiVersion": "v1",
                    "metadata": {
                        "name": "web",
                        "namespace": "dev",
                        "creationTimestamp": null,
                        "labels": {
                            "app": "web",
                            "tier": "front"
                        }
                    },
                    "spec": {
                        "containers": [
                            {
                                "name": "web",
                                "image": "nginx:1.14.2",
                                "ports": [
                                    {
                                        "containerPort": 80
                                    }
                                ],
                                "env": [
                                    {
                                        "name": "A",
                                        "value": "1"
                                    },
                                    {
                                        "name": "GREETING",
                                        "value": "hello_world"
                                    }
                                ],
                                "resources": {}
                            }
                        ],
                        "restartPolicy": "Never",
                        "dnsPolicy": "ClusterFirst"
                    },
                    "status": {}
                }
                """, JsonWriter.write(o));
    }

    /** <code>kubectl run x --image=busybox --restart=OnFailure --dry-run=client -- sleep 3600</code> with -o yaml, then -o json: as printed by kubectl 1.32.4. */
    @Test
    void runWithArgs() {
        ObjectNode o = DryRunObjects.pod(new DryRunObjects.RunSpec("x", null, "busybox", null, null, List.of(), "OnFailure", false, List.of("sleep", "3600")));
        assertEquals("""
                apiVersion: v1
                kind: Pod
                metadata:
                  creationTimestamp: null
                  labels:
                    run: x
                  name: x
                spec:
                  containers:
                  - args:
                    - sleep
                    - "3600"
                    image: busybox
                    name: x
                    resources: {}
                  dnsPolicy: ClusterFirst
                  restartPolicy: OnFailure
                status: {}
                """, YamlWriter.write(o));
        assertEquals("""
                {
                    "kind": "Pod",
                    "apiVersion": "v1",
                    "metadata": {
                        "name": "x",
                        "creationTimestamp": null,
                        "labels": {
                            "run": "x"
                        }
                    },
                    "spec": {
                        "containers": [
                            {
                                "name": "x",
                                "image": "busybox",
                                "args": [
                                    "sleep",
                                    "3600"
                                ],
                                "resources": {}
                            }
                        ],
                        "restartPolicy": "OnFailure",
                        "dnsPolicy": "ClusterFirst"
                    },
                    "status": {}
                }
                """, JsonWriter.write(o));
    }

    /** <code>kubectl run x --image=busybox --command --dry-run=client -- sh -c 'echo hi: there'</code> with -o yaml, then -o json: as printed by kubectl 1.32.4. */
    @Test
    void runWithCommand() {
        ObjectNode o = DryRunObjects.pod(new DryRunObjects.RunSpec("x", null, "busybox", null, null, List.of(), null, true, List.of("sh", "-c", "echo hi: there")));
        assertEquals("""
                apiVersion: v1
                kind: Pod
                metadata:
                  creationTimestamp: null
                  labels:
                    run: x
                  name: x
                spec:
                  containers:
                  - command:
                    - sh
                    - -c
                    - 'echo hi: there'
                    image: busybox
                    name: x
                    resources: {}
                  dnsPolicy: ClusterFirst
                  restartPolicy: Always
                status: {}
                """, YamlWriter.write(o));
        assertEquals("""
                {
                    "kind": "Pod",
                    "apiVersion": "v1",
                    "metadata": {
                        "name": "x",
                        "creationTimestamp": null,
                        "labels": {
                            "run": "x"
                        }
                    },
                    "spec": {
                        "containers": [
                            {
                                "name": "x",
                                "image": "busybox",
                                "command": [
                                    "sh",
                                    "-c",
                                    "echo hi: there"
                                ],
                                "resources": {}
                            }
                        ],
                        "restartPolicy": "Always",
                        "dnsPolicy": "ClusterFirst"
                    },
                    "status": {}
                }
                """, JsonWriter.write(o));
    }

    /** kubectl printed "Agnhost-2-x-dwt4j" for image registry.k8s.io/e2e-test-images/Agnhost_2.x:2.39. */
    @Test
    void containerNameIsTheImageBasenameSanitised() {
        assertEquals("nginx", DryRunObjects.containerName("nginx:1.14.2", NO_SUFFIX));
        assertEquals("c", DryRunObjects.containerName("a/b/c", NO_SUFFIX));
        assertEquals("busybox", DryRunObjects.containerName("busybox@sha256:0123", NO_SUFFIX));
        assertEquals("Agnhost-2-x-dwt4j",
                DryRunObjects.containerName("registry.k8s.io/e2e-test-images/Agnhost_2.x:2.39", () -> "dwt4j"));
    }
}
