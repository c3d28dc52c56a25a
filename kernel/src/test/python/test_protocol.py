"""Protocol conformance of the kubetutor kernel: jupyter_kernel_test's suite, plus history,
ordering, interrupt, restart and robustness checks through jupyter_client.

Run by KernelJupyterIT (./mvnw verify) with JUPYTER_PATH pointing at a freshly installed kernelspec.
"""
import queue
import tempfile
import time
import unittest

import jupyter_kernel_test
from jupyter_client.manager import start_new_kernel

KERNEL = "kubetutor"
TIMEOUT = 30


class KubetutorKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL
    language_name = "kubectl"
    file_extension = ".sh"

    code_hello_world = "echo hello, world"
    # "No resources found in default namespace." is kubectl's informational standard error.
    code_stderr = "kubectl get pods"
    code_generate_error = "kubectl get nosuchkind"
    code_display_data = [{"code": "kubectl get nodes", "mime": "text/html"},
                         {"code": "kubectl get nodes", "mime": "text/plain"}]

    completion_samples = [
        {"text": "kubectl ge", "matches": {"get"}},
        {"text": "kubectl get no", "matches": {"nodes"}},
        {"text": "kubectl get nodes wor", "matches": {"worker1", "worker2"}},
        {"text": "kubectl get pods -n kube-sy", "matches": {"kube-system"}},
        {"text": "kubectl get pods --all-n", "matches": {"--all-namespaces"}},
        {"text": "kubectl get pods -o js", "matches": {"json", "jsonpath="}},
        {"text": "%re", "matches": {"%reset"}},
        {"text": "lesson p", "matches": {"pods", "probes"}},
    ]
    complete_code_samples = ["kubectl get pods", "kubectl apply -f - <<EOF\napiVersion: v1\nEOF",
                             "apiVersion: v1\nkind: Pod", "%%file pod.yaml\napiVersion: v1"]
    incomplete_code_samples = ["kubectl apply -f - <<EOF\napiVersion: v1", "kubectl get pods \\", "echo 'open"]

    code_inspect_sample = "kubectl get pods"

    # jupyter_kernel_test's own test_history needs execute_result samples; ours is test_history_ops.
    supported_history_operations = ("tail", "range", "search")

    def execute(self, code):
        self.flush_channels()
        return self.execute_helper(code)

    def test_history_ops(self):
        codes = ["kubectl get nodes", "echo hist-one", "echo hist-two", "echo hist-one"]
        for c in codes:
            reply, _ = self.execute(c)
            self.assertEqual(reply["content"]["status"], "ok")
        tail = self.history_helper(codes, output=False, raw=True, hist_access_type="tail", n=4)
        self.assertEqual(tail["content"]["status"], "ok")
        self.assertEqual([h[2] for h in tail["content"]["history"]], codes)
        session, start = tail["content"]["history"][0][0:2]
        ranged = self.history_helper(codes, output=False, raw=True, hist_access_type="range",
                                     session=session, start=start, stop=start + 1)
        self.assertEqual([h[2] for h in ranged["content"]["history"]], ["kubectl get nodes"])
        found = self.history_helper(codes, output=False, raw=True, hist_access_type="search",
                                    pattern="echo hist-*", unique=True)
        self.assertEqual([h[2] for h in found["content"]["history"]], ["echo hist-two", "echo hist-one"])

    def test_error_is_kubectls_text(self):
        reply, outputs = self.execute("kubectl get nosuchkind")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "KubectlError")
        expected = 'error: the server doesn\'t have a resource type "nosuchkind"'
        self.assertEqual(reply["content"]["evalue"], expected)
        # red, as every kernel's traceback; kubectl's harmless notes stay plain stderr stream text
        self.assertEqual(reply["content"]["traceback"], ["\x1b[0;31m" + expected + "\x1b[0m"])
        self.assertEqual([(m["msg_type"], m["content"]["evalue"]) for m in outputs], [("error", expected)])
        self.assertEqual(outputs[0]["content"]["traceback"], reply["content"]["traceback"])

    def test_table_html_and_plain(self):
        reply, outputs = self.execute("kubectl get nodes")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(len(outputs), 1)
        data = outputs[0]["content"]["data"]
        self.assertTrue(data["text/plain"].startswith("NAME      STATUS   ROLES           AGE   VERSION\nmaster    Ready"))
        self.assertIn("<table", data["text/html"])
        self.assertIn('class="kubetutor-ok"', data["text/html"])
        # semantic markup: without its styles (an untrusted notebook) it still reads as a table with a header row
        self.assertIn('<thead><tr><th scope="col" style=', data["text/html"])
        self.assertEqual(data["text/html"].count("<tr>"), 4)

    def test_cell_stops_at_first_error(self):
        reply, outputs = self.execute("echo before\nkubectl get nosuchkind\necho after")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual([m["msg_type"] for m in outputs], ["stream", "error"])
        self.assertEqual(outputs[0]["content"]["text"], "before\n")

    def test_lesson_as_html(self):
        reply, outputs = self.execute("lesson pods")
        self.assertEqual(reply["content"]["status"], "ok")
        displays = [m["content"]["data"] for m in outputs if m["msg_type"] == "display_data"]
        titles = [d for d in displays if "kubetutor-lesson-title" in d["text/html"]]
        self.assertEqual([d["text/plain"] for d in titles], ["Lesson pods: Pods\n", "Step 1/6: The cluster\n"])
        step = displays[-1]
        self.assertIn("<pre", step["text/html"])
        self.assertIn("$ kubectl get nodes", step["text/html"])
        self.assertIn("<code>master</code>", step["text/html"])
        self.assertIn("  $ kubectl get nodes\n", step["text/plain"])
        reply, outputs = self.execute("check")
        self.assertEqual(reply["content"]["status"], "ok")
        reply, outputs = self.execute("lesson stop")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertIn("Lesson pods stopped at step 1/6.", outputs[0]["content"]["data"]["text/plain"])

    def test_file_magic_then_cat(self):
        reply, outputs = self.execute("%%file kt-test-note.txt\nhello from a file")
        self.assertEqual(reply["content"]["status"], "ok")
        reply, outputs = self.execute("cat kt-test-note.txt")
        self.assertEqual(outputs[0]["content"]["text"], "hello from a file\n")

    def inspect(self, code, cursor):
        self.flush_channels()
        msg_id = self.kc.inspect(code, cursor)
        reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "ok")
        return reply["content"]

    def test_inspect_is_kubectl_explain(self):
        reply = self.inspect("kubectl get pods", len("kubectl get po"))
        self.assertTrue(reply["found"])
        self.assertTrue(reply["data"]["text/plain"].startswith("KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n"))
        pod = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    livenessProbe:\n"
        reply = self.inspect(pod, pod.index("livenessProbe") + 3)
        self.assertTrue(reply["data"]["text/plain"].startswith(
            "KIND:       Pod\nVERSION:    v1\n\nFIELD: livenessProbe <Probe>\n"))
        self.assertFalse(self.inspect("zzz", 2)["found"])

    def test_json_is_also_application_json(self):
        reply, outputs = self.execute("kubectl get nodes -o json")
        data = outputs[0]["content"]["data"]
        self.assertEqual(data["application/json"]["kind"], "List")
        self.assertEqual([n["metadata"]["name"] for n in data["application/json"]["items"]], ["master", "worker1", "worker2"])
        self.assertTrue(data["text/plain"].startswith('{\n    "apiVersion": "v1",'))

    def test_exit_asks_the_console_to_end(self):
        reply, outputs = self.execute("exit")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(reply["content"]["payload"], [{"source": "ask_exit", "keepkernel": False}])
        self.assertEqual(outputs, [])

    def test_lsmagic(self):
        reply, outputs = self.execute("%lsmagic")
        self.assertEqual("".join(m["content"]["text"] for m in outputs),
                         "Available line magics:\n%lsmagic  %reset  %sleep\n\nAvailable cell magics:\n%%file\n")

    def test_unknown_magic(self):
        reply, outputs = self.execute("%nosuch")
        self.assertEqual(reply["content"]["ename"], "UsageError")


class KernelLifecycleTests(unittest.TestCase):
    """Interrupt during a watch, a badly signed message, restart: the kernel keeps answering."""

    def setUp(self):
        self.km, self.kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=TIMEOUT)

    def tearDown(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=False)

    def run_cell(self, code, timeout=TIMEOUT):
        outputs = []
        reply = self.kc.execute_interactive(code, timeout=timeout,
                                            output_hook=lambda m: outputs.append(m))
        return reply, [m for m in outputs if m["msg_type"] not in ("status", "execute_input")]

    def assert_answers(self):
        info = self.kc.kernel_info(reply=True, timeout=5)
        self.assertEqual(info["content"]["status"], "ok")
        reply, outputs = self.run_cell("kubectl get nodes", timeout=10)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertIn("<table", outputs[0]["content"]["data"]["text/html"])

    def test_interrupt_stops_a_watch(self):
        reply, _ = self.run_cell("clock realtime")
        self.assertEqual(reply["content"]["status"], "ok")
        msg_id = self.kc.execute("kubectl get pods -A -w")
        time.sleep(1.5)
        started = time.time()
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=10)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "KeyboardInterrupt")
        self.assertLess(time.time() - started, 3)
        self.assert_answers()

    def test_interrupt_stops_a_long_sleep(self):
        self.run_cell("clock realtime")
        msg_id = self.kc.execute("sleep 5m")
        time.sleep(1)
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=10)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["ename"], "KeyboardInterrupt")
        self.assert_answers()

    def shell_messages(self, seconds):
        msgs = []
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                msgs.append(self.kc.get_shell_msg(timeout=0.1))
            except queue.Empty:
                pass
        return msgs

    def test_badly_signed_message_is_dropped(self):
        from jupyter_client.session import Session
        self.shell_messages(1.5)  # wait_for_ready may leave extra kernel_info replies behind
        bad = Session(key=b"not-the-kernel-key", signature_scheme="hmac-sha256")
        # A well-formed execute_request that would show up if it ran.
        bad.send(self.kc.shell_channel.socket, "execute_request",
                 {"code": "echo should-not-run", "silent": False, "store_history": True,
                  "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        # Garbage frames too: not even a Jupyter message.
        self.kc.shell_channel.socket.send_multipart([b"<IDS|MSG>", b"sig", b"{", b"{}", b"{}", b"{}"])
        self.assertEqual([m["msg_type"] for m in self.shell_messages(1.0)], [])
        self.assert_answers()
        history = self.kc.history(hist_access_type="tail", n=10, reply=True, timeout=5)
        self.assertNotIn("echo should-not-run", [h[2] for h in history["content"]["history"]])

    def replies(self, msg_ids):
        statuses = {}
        while len(statuses) < len(msg_ids):
            r = self.kc.get_shell_msg(timeout=10)
            if r["parent_header"].get("msg_id") in msg_ids:
                statuses[r["parent_header"]["msg_id"]] = r["content"]["status"]
        return [statuses[m] for m in msg_ids]

    def test_failed_cell_aborts_the_queued_ones(self):
        """Run All (stop_on_error, as ipykernel): cells queued behind a failed one are aborted, not run."""
        self.run_cell("clock realtime")
        ids = [self.kc.execute("sleep 1\nkubectl get nosuchkind")] + [self.kc.execute("echo queued") for _ in range(2)]
        self.assertEqual(self.replies(ids), ["error", "aborted", "aborted"])
        reply, outputs = self.run_cell("echo after")
        self.assertEqual(reply["content"]["status"], "ok")
        # nbclient with allow_errors (stop_on_error false): the next cells run
        ids = [self.kc.execute("sleep 1\nkubectl get nosuchkind", stop_on_error=False), self.kc.execute("echo runs")]
        self.assertEqual(self.replies(ids), ["error", "ok"])

    def test_requests_sent_at_once_behind_a_failure_are_aborted_and_look_unrun(self):
        """Run All sends every cell at once: the first fails at once, and none of the rest runs."""
        for _ in range(5):
            ids = [self.kc.execute("kubectl get nosuchkind")] + [self.kc.execute("echo queued-%d" % i) for i in range(8)]
            replies = {}
            while len(replies) < len(ids):
                r = self.kc.get_shell_msg(timeout=10)
                if r["parent_header"].get("msg_id") in ids:  # not a kernel_info reply left from start-up
                    replies[r["parent_header"]["msg_id"]] = r["content"]
            self.assertEqual(replies[ids[0]]["status"], "error")
            for i in ids[1:]:
                # ipykernel's aborted reply: no execution_count, so the front end shows the cell unrun
                self.assertEqual(replies[i], {"status": "aborted"})
            reply, _ = self.run_cell("echo after")
            self.assertEqual(reply["content"]["status"], "ok")
        history = self.kc.history(hist_access_type="tail", n=100, reply=True, timeout=5)
        self.assertFalse([h for h in history["content"]["history"] if h[2].startswith("echo queued")])

    def test_restart_gives_a_fresh_kernel(self):
        self.run_cell("echo one")
        self.km.restart_kernel(now=False)
        self.kc.wait_for_ready(timeout=TIMEOUT)
        reply, _ = self.run_cell("kubectl get nodes")
        self.assertEqual(reply["content"]["execution_count"], 1)

    def test_shutdown_exits_by_itself(self):
        km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=TIMEOUT)
        kc.stop_channels()
        started = time.time()
        km.request_shutdown()
        km.finish_shutdown(waittime=5)
        self.assertLess(time.time() - started, 3)
        self.assertFalse(km.is_alive())

    def test_the_kernel_ends_when_its_parent_dies(self):
        """As ipykernel's parent poller: a notebook server killed with -9 leaves no kernel running."""
        import json, os, signal, subprocess, sys
        from jupyter_client.kernelspec import KernelSpecManager
        spec = KernelSpecManager().get_kernel_spec(KERNEL)
        with tempfile.TemporaryDirectory() as tmp:
            pidfile = os.path.join(tmp, "kernel.pid")
            # A parent that starts the kernel (JPY_PARENT_PID is its pid, as jupyter_client sets it), then waits forever.
            parent = subprocess.Popen([sys.executable, "-c", (
                "import json, os, subprocess, sys, time\n"
                "from jupyter_client.connect import write_connection_file\n"
                "cf, _ = write_connection_file(os.path.join(sys.argv[1], 'k.json'))\n"
                "argv = [a.replace('{connection_file}', cf).replace('{resource_dir}', sys.argv[2]) for a in json.loads(sys.argv[3])]\n"
                "env = dict(os.environ, JPY_PARENT_PID=str(os.getpid()))\n"
                "p = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
                "open(sys.argv[4], 'w').write(str(p.pid))\n"
                "time.sleep(600)\n"), tmp, spec.resource_dir, json.dumps(spec.argv), pidfile])
            deadline = time.time() + 10
            while not os.path.exists(pidfile) or not open(pidfile).read():
                self.assertLess(time.time(), deadline)
                time.sleep(0.1)
            kernel = int(open(pidfile).read())
            time.sleep(2)
            self.assertTrue(os.path.exists("/proc/%d" % kernel), "the kernel runs while its parent does")
            parent.send_signal(signal.SIGKILL)
            parent.wait()
            deadline = time.time() + 10
            while os.path.exists("/proc/%d" % kernel) and "zombie" not in open("/proc/%d/status" % kernel).read():
                if time.time() > deadline:
                    os.kill(kernel, signal.SIGKILL)
                    self.fail("the kernel outlived its parent by 10 s")
                time.sleep(0.2)

    def test_shutdown_is_quiet(self):
        """Shutdown with cells still queued (or a watch running): the kernel's stderr has no stack trace."""
        for watch in (False, False, True):
            with tempfile.TemporaryFile(mode="w+") as err:
                km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=TIMEOUT, stderr=err)
                if watch:
                    kc.execute("clock realtime --speed 100")
                    kc.execute("kubectl get pods -A -w")
                for _ in range(40):
                    kc.execute("kubectl get pods -A\nkubectl describe nodes")
                km.request_shutdown(restart=watch)
                km.finish_shutdown(waittime=5)
                kc.stop_channels()
                self.assertFalse(km.is_alive())
                err.seek(0)
                text = err.read()
                self.assertNotIn("Exception", text)
                self.assertNotIn("\tat ", text)

if __name__ == "__main__":
    unittest.main()
