"""The kubetutor kernel side by side with Debian's ipykernel (not a test: prints figures).

    benchmarks/kernel [--jar JAR] [--flags "JVM FLAGS"]

- start (s): launching the kernel to its reply to one kernel_info_request sent at once (ZeroMQ
  queues it until the kernel binds; re-sending on a short timeout would measure the client's retry
  policy, not the kernel); median of STARTS launches, the other figures come from the last one
- idle RSS (MB): VmRSS from /proc/PID/status, 3 s after 20 cells ran (the kernel's own process)
- round trip (ms): median execute_request -> execute_reply (+ idle) over 50 runs of a small cell:
  `kubectl get pods` over 30 pods, `1+1` for ipykernel; peak RSS after them
- watch (bytes): IOPub bytes (the JSON of every display/update message) for a watch of ROWS rows
- watched map: the display and update_display_data messages `cluster -w` sends through a node failure
"""
import argparse
import json
import statistics
import time

from jupyter_client.manager import KernelManager

CELLS = 20
STARTS = 5
ROUND_TRIPS = 50
PODS = 30
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


def thirty_pods():
    return "".join("---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web-%02d\nspec:\n  containers:\n"
                   "  - name: nginx\n    image: nginx\n" % i for i in range(1, PODS + 1))


def measure(name, cells, setup, small):
    """Start-up, idle RSS after the cells, then the round trip of a small cell and the peak RSS."""
    starts = []
    for _ in range(STARTS):
        km, kc, start = launch(name)
        starts.append(start)
        if len(starts) < STARTS:
            kc.stop_channels()
            km.shutdown_kernel(now=False)
    kc.wait_for_ready(timeout=60)  # until IOPub delivers too (ZeroMQ's slow joiner), before any cell
    pid = km.provisioner.process.pid
    for c in cells:
        run(kc, c)
    time.sleep(3)
    idle = rss_mb(pid)
    for c in setup:
        run(kc, c)
    for _ in range(10):
        run(kc, small)
    times = []
    for _ in range(ROUND_TRIPS):
        t = time.perf_counter()
        run(kc, small)
        times.append((time.perf_counter() - t) * 1000)
    peak = rss_mb(pid)
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    return statistics.median(starts), idle, statistics.median(times), peak


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


def watched_map():
    """Messages and bytes `cluster -w` sends while a stopped node's 5 pods are evicted and replaced."""
    km, kc, _ = launch("kubetutor")
    kc.wait_for_ready(timeout=60)
    run(kc, "kubectl create deployment web --image=nginx --replicas=10\nsleep 30")
    counts = {"display_data": 0, "update_display_data": 0, "bytes": 0}

    def hook(m):
        if m["msg_type"] in ("display_data", "update_display_data"):
            counts[m["msg_type"]] += 1
            counts["bytes"] += len(json.dumps(m["content"]))

    t = time.perf_counter()
    run(kc, "node stop worker2\ncluster -w --timeout 7m", hook)
    counts["seconds"] = time.perf_counter() - t
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    return counts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--watch-rows", type=int, default=200)
    args = ap.parse_args()
    rows = [("kubetutor", measure("kubetutor", KUBETUTOR_CELLS, ["reset", thirty_pods(), "sleep 30"], "kubectl get pods")),
            ("ipykernel", measure("python3", PYTHON_CELLS, [], "1+1"))]
    print("%-10s %10s %16s %16s %14s" % ("kernel", "start (s)", "idle RSS (MB)", "round trip (ms)", "peak RSS (MB)"))
    for name, (start, idle, rt, peak) in rows:
        print("%-10s %10.2f %16.1f %16.2f %14.1f" % (name, start, idle, rt, peak))
    print("(idle RSS: 3 s after %d cells; round trip: kubectl get pods over %d pods, 1+1 for ipykernel)" % (CELLS, PODS))
    total, printed = watch_bytes(args.watch_rows)
    print("watch: %d lines printed (header included), %d bytes of display messages" % (printed, total))
    m = watched_map()
    print("cluster -w --timeout 7m through a node failure: %d display + %d updates, %d bytes, %.2f s"
          % (m["display_data"], m["update_display_data"], m["bytes"], m["seconds"]))


if __name__ == "__main__":
    main()
