"""A classroom on JupyterHub: LEARNERS learners each run a lesson notebook on their own kubetutor
kernel, and the same start-up and memory with ipykernel's `!kubectl` (not a test: prints figures).

    benchmarks/classroom [--learners N] [--notebook FILE]

Runs Debian's jupyterhub and configurable-http-proxy on 127.0.0.1 in a scratch directory, with
SimpleLocalProcessSpawner (one system user, a home per learner) and DummyAuthenticator. Everything
a learner does goes through the hub: the hub's REST API creates the learner, a token for them and
their server; the learner's token then drives the Jupyter server behind the hub's proxy (REST to
start a kernel, the kernel's websocket to run each cell).

- start (s): POST of the kernel to its first kernel_info_reply, median over the learners
- kernel RSS (MB): VmRSS of each learner's kernel process 3 s after its notebook ran (median, max)
- server RSS (MB): VmRSS of each learner's jupyterhub-singleuser process (the same for both kernels)
- wall (s): from creating the first learner to the last notebook done, all learners at once
Then every learner creates a pod named after themselves and lists the pods: each must see its own
pod and no other learner's (their clusters are their own).
"""
import argparse
import asyncio
import datetime
import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import time
import uuid

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

SERVICE = "classroom-bench"
TRACE = os.environ.get("CLASSROOM_TRACE") == "1"  # each cell's time on stderr


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def pids_where(test):
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % name, "rb") as f:
                argv = f.read().split(b"\0")
            with open("/proc/%s/environ" % name, "rb") as f:
                env = f.read().split(b"\0")
        except OSError:
            continue
        if test([a.decode(errors="replace") for a in argv], env):
            found.append(int(name))
    return found


def kernel_pid(kernel_id):
    """The kernel's process: the one whose argv names its connection file (kernel-ID.json)."""
    pids = pids_where(lambda argv, env: any(("kernel-%s.json" % kernel_id) in a for a in argv))
    return pids[0] if pids else None


def server_pid(user):
    marker = ("JUPYTERHUB_USER=%s" % user).encode()
    pids = pids_where(lambda argv, env: marker in env and any("jupyterhub-singleuser" in a for a in argv))
    return min(pids) if pids else None


def hub_config(work, port, token, jupyter_path):
    """The hub of the test: everything on 127.0.0.1, one system user, any name and password."""
    return """
from jupyterhub.utils import random_port

_ports_given = set()


def _own_port(spawner):
    # random_port() lets go of the port it found before the server binds it, and 40 servers
    # starting together can be handed the same one: the hub then finds another learner's server
    # answering there and routes this learner to it. No port is handed out twice here.
    port = random_port()
    while port in _ports_given:
        port = random_port()
    _ports_given.add(port)
    spawner.port = port


c.Spawner.pre_spawn_hook = _own_port
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_port}"
c.JupyterHub.db_url = "sqlite:///{work}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{work}/cookie_secret"
c.JupyterHub.pid_file = "{work}/jupyterhub.pid"
c.JupyterHub.authenticator_class = "dummy"
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{work}/home/{{username}}"
# JupyterHub's default is 100 spawns at once, 10 pending; a class logs in together.
c.JupyterHub.concurrent_spawn_limit = 0
c.JupyterHub.active_server_limit = 0
c.Spawner.start_timeout = 600
c.Spawner.http_timeout = 600
c.Spawner.default_url = "/tree"
# The benchmark runs as whoever starts it, root included (a container's usual user).
c.Spawner.args = ["--allow-root", "--NotebookApp.shutdown_no_activity_timeout=0"]
c.Spawner.environment = {{"JUPYTER_PATH": "{jupyter_path}", "KUBECONFIG": "{work}/no-cluster"}}
c.Authenticator.admin_users = set()
c.JupyterHub.services = [{{"name": "{service}", "api_token": "{token}"}}]
c.JupyterHub.load_roles = [{{
    "name": "classroom-bench",
    "scopes": ["admin:users", "admin:servers", "tokens", "access:servers"],
    "services": ["{service}"],
}}]
""".format(port=port, hub_port=free_port(), proxy_port=free_port(), work=work, token=token,
           jupyter_path=jupyter_path, service=SERVICE)


class NoAnswer(RuntimeError):
    pass


class Hub:
    def __init__(self, base, token):
        self.base = base
        self.token = token
        self.http = AsyncHTTPClient(max_clients=200)

    async def api(self, method, path, body=None, token=None, ok=(200, 201, 202, 204)):
        request = HTTPRequest(self.base + path, method=method, request_timeout=900,
                              headers={"Authorization": "token " + (token or self.token)},
                              body=None if body is None and method == "GET" else json.dumps(body or {}),
                              allow_nonstandard_methods=True)
        try:
            response = await self.http.fetch(request, raise_error=False)
        except HTTPClientError as e:
            raise RuntimeError("%s %s: %s" % (method, path, e))
        if response.code not in ok:
            raise RuntimeError("%s %s: HTTP %d %s" % (method, path, response.code, response.body[:300]))
        return json.loads(response.body) if response.body else None


class Kernel:
    """One kernel behind the hub's proxy, driven over its websocket as a notebook page does."""

    def __init__(self, hub, user, token, name):
        self.hub, self.user, self.token, self.name = hub, user, token, name
        self.session = uuid.uuid4().hex
        self.reading = None

    def pending_read(self):
        """The websocket read under way: one that timed out is picked up by the next request."""
        if self.reading is None:
            self.reading = asyncio.ensure_future(self.ws.read_message())
        return self.reading

    async def start(self):
        t0 = time.perf_counter()
        reply = await self.hub.api("POST", "/user/%s/api/kernels" % self.user, {"name": self.name}, token=self.token)
        self.id = reply["id"]
        url = self.hub.base.replace("http", "ws", 1) + "/user/%s/api/kernels/%s/channels?session_id=%s" % (
            self.user, self.id, self.session)
        self.ws = await websocket_connect(HTTPRequest(url, headers={"Authorization": "token " + self.token},
                                                      request_timeout=600), max_message_size=64 << 20)
        # As jupyter_client's wait_for_ready: ask again until the kernel answers, and wait for the
        # shell reply alone. A kernel starting on a loaded machine can miss the first request, and
        # its iopub status can go out before the server has subscribed (ZeroMQ's slow joiner).
        deadline = time.monotonic() + 600
        while True:
            try:
                await self.request("kernel_info_request", {}, timeout=10, wait_idle=False)
                return time.perf_counter() - t0
            except NoAnswer:
                if time.monotonic() > deadline:
                    raise

    async def request(self, msg_type, content, timeout, wait_idle=True):
        msg_id = uuid.uuid4().hex
        await self.ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "username": self.user, "session": self.session, "msg_type": msg_type,
                       "version": "5.3", "date": datetime.datetime.now(datetime.timezone.utc).isoformat()},
            "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": []}))
        reply, idle = None, not wait_idle
        deadline = time.monotonic() + timeout
        while reply is None or not idle:
            left = deadline - time.monotonic()
            try:
                if left <= 0:
                    raise asyncio.TimeoutError()
                raw = await asyncio.wait_for(asyncio.shield(self.pending_read()), left)
            except asyncio.TimeoutError:
                raise NoAnswer("%s: no answer to %s in %d s" % (self.user, msg_type, timeout))
            self.reading = None
            if raw is None:
                raise RuntimeError("%s: the kernel's websocket closed" % self.user)
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if msg["channel"] == "shell":
                reply = msg["content"]
            elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                idle = True
            elif msg["msg_type"] == "stream":
                self.printed.append(msg["content"]["text"])
            elif msg["msg_type"] in ("execute_result", "display_data"):
                self.printed.append(msg["content"]["data"].get("text/plain", ""))
        return reply

    async def execute(self, code, may_fail=False):
        self.printed = []
        reply = await self.request("execute_request", {"code": code, "silent": False, "store_history": True,
                                                       "user_expressions": {}, "allow_stdin": False,
                                                       "stop_on_error": True}, timeout=600)
        if reply["status"] != "ok" and not may_fail:
            raise RuntimeError("%s: cell failed: %r: %s %s" % (self.user, code[:60], reply.get("ename"),
                                                                reply.get("evalue")))
        return "".join(self.printed)


def cells(notebook, kernel_name):
    """The notebook's code cells as (code, may fail); for ipykernel, its kubectl lines as `!kubectl`."""
    nb = json.load(open(notebook))
    out = []
    for c in nb["cells"]:
        if c["cell_type"] != "code":
            continue
        code = "".join(c["source"])
        if kernel_name != "kubetutor":
            code = "\n".join("!" + line for line in code.splitlines() if line.startswith("kubectl ")) or "pass"
        out.append((code, kernel_name != "kubetutor" or "raises-exception" in c["metadata"].get("tags", [])))
    return out


async def learner(hub, user, kernel_name, notebook_cells, figures):
    await hub.api("POST", "/hub/api/users/%s" % user, ok=(201,))
    token = (await hub.api("POST", "/hub/api/users/%s/tokens" % user, {"note": "classroom benchmark"}))["token"]
    await hub.api("POST", "/hub/api/users/%s/server" % user)
    while True:
        model = await hub.api("GET", "/hub/api/users/%s" % user)
        server = model.get("servers", {}).get("")
        if server and server.get("ready"):
            break
        if not model.get("pending") and not server:
            raise RuntimeError("%s: the server did not start (see the hub's log)" % user)
        await asyncio.sleep(0.5)
    kernel = Kernel(hub, user, token, kernel_name)
    figures["start"][user] = await kernel.start()
    for n, (code, may_fail) in enumerate(notebook_cells, 1):
        t0 = time.perf_counter()
        await kernel.execute(code, may_fail)
        if TRACE:
            print("%s cell %d: %.1f s %r" % (user, n, time.perf_counter() - t0, code[:40]), file=sys.stderr, flush=True)
    return kernel


async def own_pod(kernel):
    await kernel.execute("kubectl run %s --image=nginx" % kernel.user)


async def sees_only_own(kernel, users):
    printed = await kernel.execute("kubectl get pods -o name")
    seen = {line.strip()[len("pod/"):] for line in printed.splitlines() if line.strip().startswith("pod/")}
    others = sorted(seen & (set(users) - {kernel.user}))
    if kernel.user not in seen or others:
        raise RuntimeError("%s sees %s" % (kernel.user, sorted(seen & set(users))))


async def classroom(hub, kernel_name, learners, notebook_cells, prefix):
    users = ["%s%02d" % (prefix, i + 1) for i in range(learners)]
    figures = {"start": {}}
    t0 = time.perf_counter()
    kernels = await asyncio.gather(*(learner(hub, u, kernel_name, notebook_cells, figures) for u in users))
    wall = time.perf_counter() - t0
    if kernel_name == "kubetutor":
        await asyncio.gather(*(own_pod(k) for k in kernels))
        await asyncio.gather(*(sees_only_own(k, users) for k in kernels))
    await asyncio.sleep(3)
    kernel_rss = [rss_mb(kernel_pid(k.id)) for k in kernels]
    server_rss = [rss_mb(server_pid(u)) for u in users]
    for k in kernels:
        k.ws.close()
    await asyncio.gather(*(hub.api("DELETE", "/hub/api/users/%s/server" % u) for u in users))
    return {"start": statistics.median(figures["start"].values()), "kernel": kernel_rss, "server": server_rss,
            "wall": wall}


async def wait_for_hub(hub, process):
    for _ in range(600):
        if process.poll() is not None:
            raise RuntimeError("jupyterhub exited with %d (see its log)" % process.returncode)
        try:
            await hub.api("GET", "/hub/api/")
            return
        except (RuntimeError, OSError, ConnectionError):
            await asyncio.sleep(0.5)
    raise RuntimeError("jupyterhub did not answer in 5 minutes")


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--learners", type=int, default=20)
    ap.add_argument("--notebook", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--jupyter-path", required=True)
    args = ap.parse_args()
    token = secrets.token_hex(32)
    port = free_port()
    config = os.path.join(args.work, "jupyterhub_config.py")
    with open(config, "w") as f:
        f.write(hub_config(args.work, port, token, args.jupyter_path))
    log = open(os.path.join(args.work, "jupyterhub.log"), "w")
    process = subprocess.Popen(["jupyterhub", "-f", config], cwd=args.work, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    hub = Hub("http://127.0.0.1:%d" % port, token)
    try:
        await wait_for_hub(hub, process)
        print("jupyterhub %s on 127.0.0.1:%d; %d learners run %s" % (
            (await hub.api("GET", "/hub/api/"))["version"], port, args.learners, os.path.basename(args.notebook)),
            flush=True)
        rows = []
        for name, prefix in (("kubetutor", "learner"), ("python3", "ipy")):
            rows.append((name, await classroom(hub, name, args.learners, cells(args.notebook, name), prefix)))
            if name == "kubetutor":
                print("isolation: each of the %d learners sees its own pod and none of the others'" % args.learners,
                      flush=True)
        print("%-10s %9s %22s %22s %26s" % ("kernel", "start (s)", "kernel RSS med/max (MB)",
                                           "server RSS med/max (MB)", "wall, %d learners (s)" % args.learners))
        for name, f in rows:
            print("%-10s %9.2f %13.1f / %6.1f %13.1f / %6.1f %26.1f" % (
                "kubetutor" if name == "kubetutor" else "ipykernel", f["start"], statistics.median(f["kernel"]),
                max(f["kernel"]), statistics.median(f["server"]), max(f["server"]), f["wall"]))
        print("(ipykernel runs the notebook's kubectl lines as !kubectl against no cluster: start-up and memory only)")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def stop(signum, frame):
    raise KeyboardInterrupt()


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, stop)  # the hub is in a session of its own: main's finally stops it
    try:
        asyncio.run(main())
    except RuntimeError as e:
        print("benchmarks/classroom: %s" % e, file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("benchmarks/classroom: stopped", file=sys.stderr)
        sys.exit(130)
