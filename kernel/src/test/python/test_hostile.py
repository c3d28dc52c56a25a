"""Hostile input through a real Jupyter client: the regression corpus cell by cell (each answered,
no Java in any output, the kernel alive after it), and an interrupt that ends a busy loop running
in a container shell the notebook is attached to.

Run by KernelJupyterIT, which writes the corpus (its files into the kernel's directory, its entries
into the JSON file named by KUBETUTOR_HOSTILE).
"""
import json
import os
import re
import time
import unittest

from jupyter_client.manager import start_new_kernel

KERNEL = "kubetutor"
TIMEOUT = 30
JAVA = re.compile(r"java\.[a-z]+\.|\w+Exception\b|\.java:\d+|\bat kubetutor\.|kubetutor failed on"
                  r"|nests too deeply for kubetutor|needs more memory than kubetutor")


def text_of(msg):
    c = msg["content"]
    if msg["msg_type"] == "stream":
        return c["text"]
    if msg["msg_type"] == "error":
        return c["ename"] + " " + c["evalue"] + "\n" + "\n".join(c["traceback"])
    if msg["msg_type"] in ("display_data", "update_display_data", "execute_result"):
        return c["data"].get("text/plain", "")
    return ""


class HostileCells(unittest.TestCase):
    def setUp(self):
        self.km, self.kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=TIMEOUT)

    def tearDown(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=False)

    def run_cell(self, code, timeout=TIMEOUT):
        outputs = []
        reply = self.kc.execute_interactive(code, timeout=timeout, output_hook=outputs.append)
        return reply, outputs

    def assert_answers(self):
        reply, outputs = self.run_cell("kubectl get nodes", timeout=10)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertIn("worker2", "".join(text_of(m) for m in outputs))

    def test_the_corpus_cell_by_cell(self):
        with open(os.environ["KUBETUTOR_HOSTILE"], encoding="utf-8") as f:
            entries = json.load(f)
        self.assertGreater(len(entries), 10)
        for e in entries:
            # A cell stops at its first failing command: each command of an entry is a cell of its own.
            for cell in e["cells"]:
                reply, outputs = self.run_cell(cell, timeout=120)
                printed = "".join(text_of(m) for m in outputs)
                self.assertIsNone(JAVA.search(printed), e["name"] + ": " + cell[:200] + "\n" + printed)
                self.assertNotEqual(reply["content"].get("ename"), "InternalError", e["name"] + ": " + cell[:200])
        self.assert_answers()

    def test_exec_it_leaves_no_shell_attached(self):
        """No terminal in a notebook: kubectl's warning, the shell reads the end of its input, and the
        next cell runs in the session again (kubectl works there; in a container it would not)."""
        self.run_cell("kubectl run box --image=busybox -- sleep 3600\nsleep 20")
        reply, outputs = self.run_cell("kubectl exec -it box -- sh")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual("".join(text_of(m) for m in outputs),
                         "Unable to use a TTY - input is not a terminal or the right kind of file\n")
        reply, outputs = self.run_cell("kubectl get pod box -o name")
        self.assertEqual("".join(text_of(m) for m in outputs), "pod/box\n")
        self.assert_answers()


if __name__ == "__main__":
    unittest.main()
