package kubetutor.engine.progress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressFileTest {
    @TempDir
    Path dir;

    /** Two progress files that differ in size, so that half of one can be told from either. */
    static Progress version(int which) {
        Progress p = new Progress(Map.of("pods", new LessonRecord(new TreeSet<>(Set.of(0, 1)), 2)));
        if (which == 1) {
            for (String id : new String[] {"probes", "labels", "namespaces", "replicaset", "deployment"}) {
                p = p.with(id, new LessonRecord(new TreeSet<>(Set.of(0, 1, 2, 3, 4, 5)), 6));
            }
        }
        return p;
    }

    @Test
    void savedProgressReadsBack() throws Exception {
        ProgressFile file = new ProgressFile(dir.resolve("sub/progress.json"));
        assertEquals(Progress.NONE, file.load().progress());
        file.save(version(1));
        assertEquals(new ProgressStore.Loaded(version(1), null), file.load());
        assertTrue(Files.readString(dir.resolve("sub/progress.json")).contains("\"step\" : 3"), "steps count from 1 in the file");
    }

    @Test
    void aDamagedFileIsSetAsideAndSaidInOneLine() throws Exception {
        Path path = dir.resolve("progress.json");
        Files.writeString(path, "{\"version\": 1, \"lessons\": {\"pods\": ");
        Files.writeString(dir.resolve("progress.json.damaged-1"), "an older one");
        ProgressStore.Loaded loaded = new ProgressFile(path).load();
        assertEquals(Progress.NONE, loaded.progress());
        assertTrue(loaded.notice().startsWith("Your progress file was damaged (it is not JSON"), loaded.notice());
        assertTrue(loaded.notice().endsWith("it was kept as progress.json.damaged-2 and progress starts afresh."), loaded.notice());
        assertEquals(1, loaded.notice().lines().count());
        assertTrue(Files.notExists(path));
        assertEquals("{\"version\": 1, \"lessons\": {\"pods\": ", Files.readString(dir.resolve("progress.json.damaged-2")));
    }

    @Test
    void aFileOfAnotherShapeIsDamagedToo() throws Exception {
        Path path = dir.resolve("progress.json");
        Files.writeString(path, "{\"version\": 1, \"lessons\": {\"pods\": {\"done\": [0], \"step\": 1}}}");
        assertTrue(new ProgressFile(path).load().notice().contains("lesson pods lists a step that is not a number from 1"));
    }

    /**
     * A real process, killed with SIGKILL while it saves in a loop, leaves the old version or the
     * new one: never a file cut short, whatever moment the kill lands on.
     */
    @Test
    void aKillDuringASaveLeavesTheOldOrTheNewVersion() throws Exception {
        Path path = dir.resolve("progress.json");
        Set<Progress> whole = Set.of(version(0), version(1));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int round = 0; round < 5; round++) {
            Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    SaveLoop.class.getName(), path.toString()).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("saving", out.readLine(), "the child started saving");
                Thread.sleep(20 + 37L * round); // lands at a different point of a save each round
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
                child.waitFor();
            }
            assertEquals(137, child.exitValue(), "killed by SIGKILL");
            ProgressStore.Loaded loaded = new ProgressFile(path).load();
            assertNull(loaded.notice(), "round " + round + ": " + loaded.notice());
            assertTrue(whole.contains(loaded.progress()), "round " + round + ": " + loaded.progress());
        }
    }
}
