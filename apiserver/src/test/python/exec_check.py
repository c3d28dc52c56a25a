"""Debian's python3-kubernetes stream() against serve: exec over the v4 channel protocol it asks for.

Run by PythonClientIT with the kubeconfig serve wrote; prints one line per check.
"""
import sys
import time

from kubernetes import client, config
from kubernetes.stream import stream

config.load_kube_config(config_file=sys.argv[1])
core = client.CoreV1Api()
core.create_namespaced_pod("default", {
    "apiVersion": "v1", "kind": "Pod", "metadata": {"name": "box"},
    "spec": {"containers": [{"name": "box", "image": "busybox", "command": ["sleep", "3600"]}]},
})
deadline = time.monotonic() + 60
while core.read_namespaced_pod("box", "default").status.phase != "Running":
    if time.monotonic() > deadline:
        sys.exit("the pod box never ran")
    time.sleep(0.1)

out = stream(core.connect_get_namespaced_pod_exec, "box", "default",
             command=["sh", "-c", "echo hello from $(hostname)"], stderr=True, stdin=False, stdout=True, tty=False)
print("output:", out.strip())


def run(command):
    resp = stream(core.connect_get_namespaced_pod_exec, "box", "default", command=command,
                  stderr=True, stdin=False, stdout=True, tty=False, _preload_content=False)
    resp.run_forever(timeout=60)
    return resp


failed = run(["sh", "-c", "echo 42 > /tmp/answer; echo oops >&2; exit 3"])
print("stderr:", failed.read_stderr().strip())
print("exit code:", failed.returncode)
done = run(["cat", "/tmp/answer"])
print("stdout:", done.read_stdout().strip())
print("exit code:", done.returncode)
