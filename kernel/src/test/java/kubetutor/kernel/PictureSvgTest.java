package kubetutor.kernel;

import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A notebook cell that draws a timeline or the cluster map shows inline SVG with the text drawing in
 * the same display: the SVG is well-formed XML, says what it is in its title and description, and
 * writes states and statuses as words.
 */
class PictureSvgTest {
    private static final String ROLLOUT = """
            kubectl create deployment web --image=gasbugs/http-go:v1 --replicas=10
            kubectl patch deploy web -p '{"spec": {"minReadySeconds": 10, "strategy": {"rollingUpdate": {"maxSurge": "25%"}}}}'
            sleep 30
            kubectl set image deploy web http-go=gasbugs/http-go:v2
            sleep 90
            """;

    @TempDir
    Path work;

    private KernelOutput.Display lastDisplay(String cell) throws Exception {
        List<KernelOutput> outputs = new ArrayList<>();
        Session session = new Session(new SessionOptions(1, null, work));
        int[] n = {0};
        CellRunner runner = new CellRunner(session, () -> "d" + ++n[0]);
        assertEquals(null, runner.run(cell, outputs::add));
        return (KernelOutput.Display) outputs.get(outputs.size() - 1);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document doc) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void aTimelineIsAnAccessibleSvgBesideItsText() throws Exception {
        KernelOutput.Display d = lastDisplay(ROLLOUT + "timeline deploy/web");
        assertTrue(d.text("text/plain").startsWith("deployment.apps/web: 20 pods, 120s of simulated time"));
        Document doc = parse(d.text("text/html"));
        Element svg = doc.getDocumentElement();
        assertEquals("svg", svg.getLocalName());
        assertEquals("img", svg.getAttribute("role"));
        assertEquals("Rollout timeline of deployment.apps/web", svg.getElementsByTagNameNS("*", "title").item(0).getTextContent());
        assertTrue(svg.getElementsByTagNameNS("*", "desc").item(0).getTextContent().startsWith("20 pods over 120 simulated seconds"));
        List<String> texts = texts(doc);
        for (String word : List.of("pending", "not ready", "ready", "terminating", "revision 1", "revision 2", "0s", "60s")) {
            assertTrue(texts.contains(word), word + " in " + texts);
        }
        assertTrue(texts.stream().anyMatch(t -> t.matches("1  at 0s  Scaled up replica set web-\\w+ from 0 to 10")), texts.toString());
        assertEquals(1, doc.getElementsByTagNameNS("*", "path").getLength(), "the ready-pod line");
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("web-") && t.endsWith("r2  worker1")));
    }

    @Test
    void theSameSessionDrawsTheSameBytes() throws Exception {
        String first = lastDisplay(ROLLOUT + "timeline deploy/web").text("text/html");
        assertEquals(first, lastDisplay(ROLLOUT + "timeline deploy/web").text("text/html"));
    }

    @Test
    void theClusterMapIsAnAccessibleSvgWithEveryNodeAndPodNamed() throws Exception {
        KernelOutput.Display d = lastDisplay("kubectl create deployment web --image=nginx --replicas=2\nsleep 20\nnode stop worker2\n"
                + "sleep 60\ncluster");
        assertTrue(d.text("text/plain").startsWith("┌─ master (control-plane) Ready  pods 10.244.0.0/24"));
        Document doc = parse(d.text("text/html"));
        assertEquals("Cluster map", doc.getElementsByTagNameNS("*", "title").item(0).getTextContent());
        assertEquals("3 nodes; pods of namespace default", doc.getElementsByTagNameNS("*", "desc").item(0).getTextContent());
        List<String> texts = texts(doc);
        for (String word : List.of("master (control-plane)", "worker1", "NotReady, machine off", "pods 10.244.2.0/24", "Running",
                "(no pods in other namespaces)")) {
            assertTrue(texts.contains(word) || word.startsWith("(no"), word + " in " + texts);
        }
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("web-")), texts.toString());
    }
}
