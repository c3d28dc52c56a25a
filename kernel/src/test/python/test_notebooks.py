"""Executes every notebook in notebooks/ with nbclient against the kubetutor kernel.

Each notebook must show HTML tables, must have error output only in cells tagged raises-exception,
and must give the same outputs when run twice (a fresh kernel, the same seed).

A cell failing with kubectl's 'unknown command "VERB" for "kubectl"' is an error like any other,
unless the cell is tagged raises-exception.
"""
import copy
import os
import pathlib
import re
import tempfile
import unittest

import nbformat
from nbclient import NotebookClient

if os.environ.get("KUBETUTOR_NOTEBOOKS"):
    NOTEBOOKS = pathlib.Path(os.environ["KUBETUTOR_NOTEBOOKS"])
else:  # kernel/src/test/python -> the repository's notebooks/
    NOTEBOOKS = pathlib.Path(__file__).resolve().parents[4] / "notebooks"


def execute(path):
    nb = nbformat.read(str(path), as_version=4)
    with tempfile.TemporaryDirectory() as workdir:
        NotebookClient(nb, kernel_name="kubetutor", timeout=60, startup_timeout=60, allow_errors=True,
                       resources={"metadata": {"path": workdir}}).execute()
    return nb


def errors(cell):
    return [o for o in cell.get("outputs", []) if o["output_type"] == "error"]


def visible(nb):
    """What a reader sees: each code cell's outputs, without the volatile execution counts."""
    out = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            outputs = copy.deepcopy(cell.outputs)
            for o in outputs:
                o.pop("execution_count", None)
            out.append(outputs)
    return out


class NotebookTests(unittest.TestCase):
    pass


def make_test(path):
    def test(self):
        nb = execute(path)
        problems = []
        for i, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            tagged = "raises-exception" in cell.metadata.get("tags", [])
            for e in errors(cell):
                if not tagged:
                    problems.append("cell %d (%r): %s: %s" % (i, cell.source[:40], e["ename"], e["evalue"]))
        self.assertEqual(problems, [], "unexpected errors in " + path.name)
        html = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs
                if "text/html" in o.get("data", {})]
        self.assertTrue(any("<table" in o["data"]["text/html"] for o in html), path.name + " shows no HTML table")
        for cell in nb.cells:
            if cell.cell_type == "code" and "raises-exception" in cell.metadata.get("tags", []):
                self.assertTrue(errors(cell), "cell tagged raises-exception did not fail: %r" % cell.source[:60])
        self.assertEqual(visible(execute(path)), visible(nb), path.name + " is not deterministic")
    return test


for notebook in sorted(NOTEBOOKS.glob("*.ipynb")):
    setattr(NotebookTests, "test_" + re.sub(r"\W", "_", notebook.stem), make_test(notebook))


def cell_running(nb, first_line):
    """The code cell whose first line is first_line."""
    return next(c for c in nb.cells if c.cell_type == "code" and c.source.split("\n")[0] == first_line)


class PicturesNotebook(unittest.TestCase):
    """09-pictures: the timeline and the cluster map arrive as titled SVG beside their text drawing."""

    @classmethod
    def setUpClass(cls):
        cls.nb = execute(NOTEBOOKS / "09-pictures.ipynb")

    def displays(self, start):
        return [o for o in cell_running(self.nb, start).outputs if o["output_type"] == "display_data"]

    def test_the_rollout_timeline_is_an_svg_gantt_with_its_legend_and_steps(self):
        [d] = self.displays("timeline deploy/web")
        svg = d["data"]["text/html"]
        self.assertIn("<title>Rollout timeline of deployment.apps/web</title>", svg)
        for legend in ("pending", "not ready", "ready", "terminating", "revision 1", "revision 2"):
            self.assertIn(">%s</text>" % legend, svg)
        self.assertEqual(len(re.findall(r">web-\w+-\w{5}  r[12]  worker[12]</text>", svg)), 20)
        self.assertRegex(svg, r">\d+  at \d+s  Scaled up replica set web-\w+ from 0 to 3</text>")
        self.assertTrue(d["data"]["text/plain"].startswith("deployment.apps/web: 20 pods, "))

    def test_the_watched_map_is_one_display_updated_to_the_eviction(self):
        [d] = self.displays("node stop worker2")
        self.assertRegex(d["data"]["text/plain"], r"^\d+m\d+s later:\n")
        svg = d["data"]["text/html"]
        self.assertRegex(svg, r"<title>Cluster map, \d+m\d+s later \(simulated time since the watch began\)</title>")
        self.assertIn(">NotReady, machine off</text>", svg)
        self.assertEqual(svg.count(">Terminating</text>"), 4)


class NotebookMetadata(unittest.TestCase):
    def test_cells_are_highlighted_as_bash_by_nbconvert(self):
        from nbconvert import HTMLExporter
        for path in sorted(NOTEBOOKS.glob("*.ipynb")):
            nb = nbformat.read(str(path), as_version=4)
            self.assertEqual(nb.metadata["language_info"]["pygments_lexer"], "bash", path.name)
            html, _ = HTMLExporter().from_notebook_node(nb)
            self.assertIn("highlight hl-bash", html, path.name)


class KernelNotebookBasics(unittest.TestCase):
    """What works on every branch today: a notebook of get commands, run twice, gives the same tables."""

    def test_get_notebook_is_deterministic(self):
        from nbformat.v4 import new_notebook, new_code_cell
        nb = new_notebook(cells=[new_code_cell("kubectl get nodes"), new_code_cell("kubectl get pods -A -o wide"),
                                 new_code_cell("kubectl get pods"),
                                 new_code_cell("kubectl get pod nosuch", metadata={"tags": ["raises-exception"]})],
                          metadata={"kernelspec": {"name": "kubetutor", "display_name": "k", "language": "kubectl"}})
        with tempfile.TemporaryDirectory() as d:
            path = pathlib.Path(d) / "get.ipynb"
            nbformat.write(nb, str(path))
            first, second = execute(path), execute(path)
        self.assertEqual(visible(first), visible(second))
        self.assertIn("<table", first.cells[0].outputs[0]["data"]["text/html"])
        self.assertEqual(first.cells[2].outputs[0]["name"], "stderr")
        self.assertEqual(errors(first.cells[3])[0]["evalue"], 'Error from server (NotFound): pods "nosuch" not found')


if __name__ == "__main__":
    unittest.main()
