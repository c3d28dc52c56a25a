package kubetutor.engine.session;

import kubetutor.engine.complete.Completer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The simulator's commands complete from the command table like kubectl's do. */
class SimCommandsCompletionTest {
    @TempDir
    Path work;

    private List<String> complete(String line) throws Exception {
        Files.writeString(work.resolve("snap.yaml"), "");
        Files.createDirectories(work.resolve("saves"));
        return new Completer(new Session(SessionOptions.defaults(work))).complete(line, line.length()).values();
    }

    @Test
    void clockOffersItsModes() throws Exception {
        assertEquals(List.of("manual", "realtime"), complete("clock "));
        assertEquals(List.of("realtime"), complete("clock r"));
        assertEquals(List.of(), complete("clock realtime "));
    }

    @Test
    void nodeOffersItsActionsThenTheNodes() throws Exception {
        assertEquals(List.of("start", "stop"), complete("node "));
        assertEquals(List.of("worker1", "worker2"), complete("node stop w"));
        assertEquals(List.of("master", "worker1", "worker2"), complete("node start "));
    }

    @Test
    void saveAndLoadOfferFiles() throws Exception {
        assertEquals(List.of("saves/", "snap.yaml"), complete("save "));
        assertEquals(List.of("snap.yaml"), complete("load sn"));
        assertEquals(List.of("load"), complete("loa"));
    }
}
