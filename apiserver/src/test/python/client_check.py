"""Debian's python3-kubernetes client against serve: it lists, watches and patches as on a cluster.

Run by PythonClientIT with the kubeconfig serve wrote; prints one line per check, exits 1 on a failure.
"""
import sys

from kubernetes import client, config, watch

config.load_kube_config(config_file=sys.argv[1])
core = client.CoreV1Api()
apps = client.AppsV1Api()

nodes = sorted(n.metadata.name for n in core.list_node().items)
print("nodes:", " ".join(nodes))

body = {
    "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
    "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}},
             "template": {"metadata": {"labels": {"app": "web"}},
                          "spec": {"containers": [{"name": "web", "image": "nginx"}]}}},
}
apps.create_namespaced_deployment("default", body)
seen = set()
w = watch.Watch()
for event in w.stream(core.list_namespaced_pod, "default", label_selector="app=web", timeout_seconds=30):
    pod = event["object"]
    if pod.status.phase == "Running":
        seen.add(pod.metadata.name)
    if len(seen) == 2:
        w.stop()
print("running pods watched:", len(seen))

apps.patch_namespaced_deployment_scale("web", "default", {"spec": {"replicas": 3}})
print("replicas after the scale patch:", apps.read_namespaced_deployment("web", "default").spec.replicas)
apps.patch_namespaced_deployment("web", "default", {"metadata": {"labels": {"tier": "front"}}})
print("label after the patch:", apps.read_namespaced_deployment("web", "default").metadata.labels["tier"])
try:
    core.read_namespaced_pod("nosuch", "default")
except client.exceptions.ApiException as e:
    print("missing pod:", e.status, e.reason)
