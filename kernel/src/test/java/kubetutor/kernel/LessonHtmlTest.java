package kubetutor.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lesson text as a notebook shows it: paragraphs flow, commands are code, aligned lists stay lined up. */
class LessonHtmlTest {
    @Test
    void anAlignedListIsATableOfTermsAndMeanings() {
        String text = """
                Kubernetes cannot guess that, so you tell the kubelet
                how to test each container:

                  livenessProbe    fails too often: the kubelet restarts it
                  readinessProbe   fails: the pod is not `Ready`

                Then run:
                  $ kubectl get pods
                """;
        String html = LessonHtml.body(text);
        String div = html.substring(html.indexOf('>') + 1, html.length() - "</div>".length());
        assertEquals("<p style=\"margin:0.3em 0\">Kubernetes cannot guess that, so you tell the kubelet how to test each container:</p>"
                + "<table class=\"kubetutor-lesson-list\" style=\"border-collapse:collapse;margin:0.3em 0 0.3em 1.5em\"><tbody>"
                + "<tr><th scope=\"row\" style=\"text-align:left;font-weight:normal;padding:0 1.5em 0 0;vertical-align:top\">livenessProbe</th>"
                + "<td>fails too often: the kubelet restarts it</td></tr>"
                + "<tr><th scope=\"row\" style=\"text-align:left;font-weight:normal;padding:0 1.5em 0 0;vertical-align:top\">readinessProbe</th>"
                + "<td>fails: the pod is not <code>Ready</code></td></tr></tbody></table>"
                + "<p style=\"margin:0.3em 0\">Then run:</p>"
                + "<pre style=\"" + "font-family:var(--jp-code-font-family,monospace);font-size:var(--jp-code-font-size,13px);"
                + "background:var(--jp-layout-color2,rgba(128,128,128,0.1));padding:4px 8px;margin:0.3em 0\">$ kubectl get pods\n</pre>", div);
    }

    @Test
    void aMeaningWrappedUnderItsColumnStaysInItsRow() {
        String text = """
                There are a few ways:

                  Recreate       delete every old pod, then start the new ones: simple, but for a moment
                                 nothing serves requests
                  블루/그린      run the new version beside the old one
                """;
        String html = LessonHtml.body(text);
        assertEquals(2, html.split("<tr>", -1).length - 1, html);
        assertTrue(html.contains(">Recreate</th><td>delete every old pod, then start the new ones: simple, but for a moment"
                + " nothing serves requests</td></tr>"), html);
        assertTrue(html.contains(">블루/그린</th><td>run the new version beside the old one</td>"), html);
    }

    @Test
    void wrappedLinesFlowAndLinesEndedOnPurposeStayApart() {
        String text = """
                The cluster was reset for this lesson.
                Handed out into this directory: http-go-deploy-v1.yaml
                'next' and 'back' move between steps; 'hint' and 'solution' help when you are stuck;
                'check' says what the step still wants, and 'lesson stop' ends the lesson.
                """;
        assertEquals("<p style=\"margin:0.3em 0\">The cluster was reset for this lesson.<br>Handed out into this directory:"
                + " http-go-deploy-v1.yaml<br>'next' and 'back' move between steps; 'hint' and 'solution'"
                + " help when you are stuck; 'check' says what the step still wants, and 'lesson stop' ends the lesson.</p>",
                inner(LessonHtml.body(text)));
    }

    private static String inner(String html) {
        return html.substring(html.indexOf('>') + 1, html.length() - "</div>".length());
    }
}
