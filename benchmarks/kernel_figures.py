"""The kubetutor kernel side by side with Debian's ipykernel (not a test: prints figures).

    benchmarks/kernel [--jar JAR] [--flags "JVM FLAGS"]

- start (s): launching the kernel to its reply to one kernel_info_request (median of 5 launches)
- idle RSS (MB): VmRSS from /proc/PID/status, 3 s after 20 cells ran (the kernel's own process)
- watch (bytes): IOPub bytes (the JSON of every display/update message) for a watch of ROWS rows
"""
import argparse
import json
import statistics
import time

from jupyter_client.manager import KernelManager

CELLS = 20
STARTS = 3
KUBETUTOR_CELLS = ["kubectl get nodes", "kubectl create deployment web --image=nginx --replicas=3", "sleep 30s",
                   "kubectl get pods -o wide", "kubectl describe deployment web", "kubectl get deploy web -o yaml",
                   "kubectl scale deployment web --replicas=5", "sleep 20s", "kubectl get pods -A", "lesson pods",
                   "kubectl get events", "kubectl get nodes -o json", "kubectl get deploy web -o wide",
                   "kubectl get svc", "kubectl get pods -o name", "kubectl get rs",
                   "kubectl label pods --all tier=web", "kubectl get pods --show-labels", "kubectl delete deployment web",
                   "kubectl get all"]
PYTHON_CELLS = ["import json, os", "x = [i * i for i in range(1000)]", "sum(x)", "d = {str(i): i for i in range(500)}",
                "json.dumps(d)[:40]", "import collections", "collections.Counter('kubernetes')", "len(os.environ)",
                "def f(n):\n    return n if n < 2 else f(n - 1) + f(n - 2)", "f(20)", "s = set(range(100))", "sorted(s)[:5]",
                "import re", "re.findall(r'\\w+', 'a b c')", "print('hello')", "[str(i) for i in range(10)]",
                "import math", "math.pi", "del x", "1 + 1"]


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def launch(name):
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.kernel_info(reply=True, timeout=60)
    return km, kc, time.perf_counter() - t0


def run(kc, code, hook=lambda m: None):
    reply = kc.execute_interactive(code, timeout=300, output_hook=hook)
    if reply["content"]["status"] != "ok":
        print("note: %r failed: %s" % (code, reply["content"].get("evalue")), flush=True)


def measure(name, cells):
    starts = []
    for _ in range(STARTS):
        km, kc, start = launch(name)
        starts.append(start)
        if len(starts) < STARTS:
            kc.stop_channels()
            km.shutdown_kernel(now=False)
    kc.wait_for_ready(timeout=60)
    for c in cells:
        run(kc, c)
    time.sleep(3)
    idle = rss_mb(km.provisioner.process.pid)
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    return statistics.median(starts), idle


def watch_bytes(rows):
    """IOPub bytes of the displays a watch sends, and how many rows it printed."""
    km, kc, _ = launch("kubetutor")
    kc.wait_for_ready(timeout=60)
    run(kc, "kubectl create deployment web --image=nginx --replicas=%d" % (rows // 4))
    sent = [0, 0]

    def hook(m):
        if m["msg_type"] in ("display_data", "update_display_data"):
            sent[0] += len(json.dumps(m["content"]))
            text = m["content"]["data"]["text/plain"]
            sent[1] = sent[1] + len(text.splitlines()) if m["msg_type"] == "display_data" else len(text.splitlines())

    run(kc, "kubectl get pods -w --request-timeout=3m", hook)
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    return sent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--watch-rows", type=int, default=200)
    args = ap.parse_args()
    rows = [("kubetutor", measure("kubetutor", KUBETUTOR_CELLS)), ("ipykernel", measure("python3", PYTHON_CELLS))]
    print("%-10s %10s %24s" % ("kernel", "start (s)", "idle RSS after %d cells (MB)" % CELLS))
    for name, (start, idle) in rows:
        print("%-10s %10.2f %24.1f" % (name, start, idle))
    total, printed = watch_bytes(args.watch_rows)
    print("watch: %d lines printed (header included), %d bytes of display messages" % (printed, total))


if __name__ == "__main__":
    main()
