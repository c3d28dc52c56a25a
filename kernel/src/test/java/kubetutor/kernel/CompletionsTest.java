package kubetutor.kernel;

import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TAB at the end of each line: what is offered, and which characters it replaces. */
class CompletionsTest {
    private final Session session = newSession();
    private final Completions completions = new CommandTableCompletions(session);

    private static Session newSession() {
        try {
            return new Session(new SessionOptions(1, null, Path.of("").toAbsolutePath()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Completions.Result at(String code) {
        return completions.complete(code, code.length());
    }

    @Test
    void verbsTypesFlagsAndLiveNames() {
        assertEquals(new Completions.Result(List.of("get"), 8, 10), at("kubectl ge"));
        assertEquals(List.of("nodes", "node", "no"), at("kubectl get no").matches());
        assertEquals(List.of("worker1", "worker2"), at("kubectl get nodes wor").matches());
        assertEquals(List.of("kube-system"), at("kubectl get pods -n kube-s").matches());
        assertEquals(List.of("etcd-master"), at("kubectl get pods -n kube-system etcd").matches());
        assertEquals(List.of("--all-namespaces"), at("kubectl get pods --all-n").matches());
        assertTrue(at("").matches().containsAll(List.of("kubectl", "k", "sleep", "clock")));
    }

    @Test
    void onlyTheCurrentLineCounts() {
        Completions.Result r = at("kubectl get nodes\nk g");
        assertEquals(List.of("get"), r.matches());
        assertEquals(20, r.start());
    }

    @Test
    void inspectionExplainsTypesFieldsAndCommands() {
        Explanations e = new Explanations(session);
        assertTrue(e.explain("kubectl get pods", 14).orElseThrow().startsWith("KIND:     Pod\nVERSION:  v1\n"));
        assertTrue(e.explain("  containers:", 5).orElseThrow().startsWith("FIELD:    containers\n"));
        assertEquals("kubectl get: Display one or many resources\n", e.explain("kubectl get pods", 9).orElseThrow());
        assertTrue(e.explain("kubectl get pods -w", 18).orElseThrow().startsWith("kubectl get --watch, -w: "));
        assertTrue(e.explain("zzz", 1).isEmpty());
    }
}
