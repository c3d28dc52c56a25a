package kubetutor.engine.fuzz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The regression corpus, entry after entry in one session, each checked as the fuzzer checks an input. */
class HostileCorpusTest {
    @TempDir
    Path root;

    @Test
    void everyEntryIsAnsweredAndTheSessionGoesOn() {
        Probe probe = new Probe(root, List.of());
        List<HostileCorpus.Entry> corpus = HostileCorpus.load();
        assertTrue(corpus.size() > 10, "the corpus is there");
        List<Probe.Finding> found = new ArrayList<>();
        for (HostileCorpus.Entry e : corpus) {
            e.writeFiles(probe.workspace());
            found.addAll(probe.run(e.script()));
        }
        assertEquals(List.of(), found);
    }
}
