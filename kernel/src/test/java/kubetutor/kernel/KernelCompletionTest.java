package kubetutor.kernel;

import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** complete_request: TAB at the end of each cell, what is offered and which characters it replaces. */
class KernelCompletionTest {
    private final KubetutorKernel kernel = new KubetutorKernel(newSession());

    static Session newSession() {
        try {
            return new Session(new SessionOptions(1, null, Path.of("").toAbsolutePath()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> tab(String code) {
        return kernel.complete(code, code.length()).getReplacements();
    }

    @Test
    void verbsTypesFlagsValuesAndLiveNames() {
        assertEquals(List.of("get"), tab("kubectl ge"));
        assertEquals(List.of("nodes"), tab("kubectl get no"));
        assertEquals(List.of("worker1", "worker2"), tab("kubectl get nodes wor"));
        assertEquals(List.of("kube-system"), tab("kubectl get pods -n kube-s"));
        assertEquals(List.of("etcd-master"), tab("kubectl get pods -n kube-system etcd"));
        assertEquals(List.of("--all-namespaces"), tab("kubectl get pods --all-n"));
        assertEquals(List.of("yaml"), tab("kubectl get pods -o ya"));
        assertEquals(List.of("--output=yaml"), tab("kubectl get pods --output=ya"));
        assertEquals(List.of("describe"), tab("k descr"));
        assertTrue(tab("").containsAll(List.of("kubectl", "k", "sleep", "clock")));
    }

    @Test
    void theReplacedWordIsTheOneAtTheCursorOnItsLine() {
        String code = "kubectl get nodes\nk g";
        ReplacementOptions r = kernel.complete(code, code.length());
        assertEquals(List.of("get"), r.getReplacements());
        assertEquals(20, r.getSourceStart());
        assertEquals(21, r.getSourceEnd());
        // the cursor in the middle of the cell: only what is before it counts
        r = kernel.complete(code, 10);
        assertEquals(List.of("get"), r.getReplacements());
        assertEquals(8, r.getSourceStart());
    }

    @Test
    void magics() {
        assertEquals(List.of("%reset"), tab("%re"));
        assertEquals(List.of("%%file"), tab("%%f"));
        assertEquals(List.of("%sleep"), tab("kubectl get pods\n%sl"));
        assertEquals(List.of(), tab("kubectl get pods\n%%f"));
        assertEquals(List.of(), tab("%sleep 1"));
    }

    @Test
    void nothingInsideAManifestOrAComment() {
        assertEquals(List.of(), tab("apiVersion: v1\nkind: Pod\nmetadata:\n  na"));
        assertEquals(List.of(), tab("kubectl get pods # ge"));
    }
}
