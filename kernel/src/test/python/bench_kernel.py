"""Side-by-side figures for the kubetutor kernel and Debian's ipykernel (not a test; prints numbers).

    JUPYTER_PATH=<dir with kernels/kubetutor> /usr/bin/python3 kernel/src/test/python/bench_kernel.py [KERNEL]

- start: time from launching the kernel process to the reply to one kernel_info_request sent at
  once (ZeroMQ queues it until the kernel binds; re-sending on a short timeout would measure the
  client's retry policy, not the kernel)
  (median of STARTS launches; the other figures come from the last one)
- idle RSS: VmRSS of the kernel process 3 s after it answered and ran one cell
- round trip: median wall time of execute_request -> execute_reply (+ idle) over 50 runs
"""
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

PODS = 30
STARTS = 5


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def launch(kernel_name):
    km = KernelManager(kernel_name=kernel_name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.kernel_info(reply=True, timeout=60)
    return km, kc, time.perf_counter() - t0


def measure(kernel_name, warm_code, bench_code, setup=None):
    starts = []
    for _ in range(STARTS - 1):
        km, kc, start = launch(kernel_name)
        starts.append(start)
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    km, kc, start = launch(kernel_name)
    starts.append(start)
    start = statistics.median(starts)
    kc.wait_for_ready(timeout=60)  # until IOPub delivers too (ZeroMQ's slow joiner), before any cell
    pid = km.provisioner.process.pid
    kc.execute_interactive(warm_code, timeout=30, output_hook=lambda m: None)
    time.sleep(3)
    idle = rss_mb(pid)
    note = setup(kc) if setup else ""
    for _ in range(10):
        kc.execute_interactive(bench_code, timeout=30, output_hook=lambda m: None)
    times = []
    for _ in range(50):
        t = time.perf_counter()
        kc.execute_interactive(bench_code, timeout=30, output_hook=lambda m: None)
        times.append((time.perf_counter() - t) * 1000)
    peak = rss_mb(pid)
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    return start, idle, peak, statistics.median(times), note


def thirty_pods(kc):
    docs = "".join("---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web-%02d\nspec:\n  containers:\n"
                   "  - name: nginx\n    image: nginx\n" % i for i in range(1, PODS + 1))
    reply = kc.execute_interactive(docs, timeout=30, output_hook=lambda m: None)
    if reply["content"]["status"] != "ok":
        raise RuntimeError("applying the %d pods failed: %s" % (PODS, reply["content"]))
    kc.execute_interactive("sleep 30", timeout=30, output_hook=lambda m: None)
    return "(%d pods)" % PODS


def main():
    names = sys.argv[1:] or ["kubetutor"]
    rows = [(name, measure(name, "kubectl get nodes", "kubectl get pods", thirty_pods)) for name in names]
    rows.append(("ipykernel", measure("python3", "1+1", "1+1")))
    print("%-16s %10s %14s %14s %16s" % ("kernel", "start (s)", "idle RSS (MB)", "peak RSS (MB)", "round trip (ms)"))
    for name, (start, idle, peak, rt, note) in rows:
        print("%-16s %10.2f %14.1f %14.1f %16.2f %s" % (name, start, idle, peak, rt, note))


if __name__ == "__main__":
    sys.exit(main())
