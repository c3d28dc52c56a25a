package kubetutor.engine.lesson;

import kubetutor.engine.output.PlainText;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import kubetutor.engine.sim.Pacer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every shipped lesson, followed in each language as a learner who types each step's solution
 * would: each step's checks fail when the step begins (or they would teach nothing) and hold once
 * its solution ran, and every text exists in English and Korean.
 */
class CurriculumTest {
    @TempDir
    Path work;

    @Test
    void theCurriculumListsLessons() {
        assertFalse(Curriculum.builtIn().ids().isEmpty());
    }

    @TestFactory
    Stream<DynamicTest> everyLessonInBothLanguages() {
        return Curriculum.builtIn().ids().stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            Lesson lesson = Curriculum.builtIn().find(id).orElseThrow();
            bothLanguages(lesson.title(), id + " title");
            bothLanguages(lesson.summary(), id + " summary");
            for (int i = 0; i < lesson.steps().size(); i++) {
                Step s = lesson.steps().get(i);
                String where = id + " step " + (i + 1);
                bothLanguages(s.title(), where + " title");
                bothLanguages(s.text(), where + " text");
                if (s.hint() != null) {
                    bothLanguages(s.hint(), where + " hint");
                }
                s.checks().forEach(c -> bothLanguages(c.fail(), where + " check " + c.run()));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyLessonSolvedByItsSolutions() {
        return Curriculum.builtIn().ids().stream().flatMap(id -> Stream.of(Language.values())
                .map(language -> DynamicTest.dynamicTest(id + " " + language.code(), () -> solve(id, language))));
    }

    private void solve(String id, Language language) throws Exception {
        Lesson lesson = Curriculum.builtIn().find(id).orElseThrow();
        Path ws = Files.createTempDirectory(work, id);
        Session session = new Session(new SessionOptions(1, null, ws));
        assertEquals(0, run(session, "lang " + language.code()).status, "lang " + language.code());
        assertEquals(0, run(session, "lesson " + id).status, "lesson " + id);
        for (Lesson.HandedFile f : lesson.files()) {
            assertEquals(f.content(), Files.readString(ws.resolve(f.name())), f.name() + " handed out");
        }
        for (int i = 0; i < lesson.steps().size(); i++) {
            Step s = lesson.steps().get(i);
            String where = id + " step " + (i + 1);
            if (!s.checks().isEmpty()) {
                Result before = run(session, "check");
                assertEquals(1, before.status, where + ": its checks already hold before it begins:\n" + before.out);
            }
            for (String command : s.solution()) {
                Result r = run(session, command);
                assertEquals(0, r.status, where + ": solution command failed: " + command + "\n" + r.out);
            }
            if (!s.checks().isEmpty()) {
                Result after = run(session, "check");
                assertEquals(0, after.status, where + ": its solution does not pass its checks:\n" + after.out);
            }
            run(session, "next");
        }
        assertTrue(run(session, "lesson").out.contains(lesson.steps().size() + "/" + lesson.steps().size()),
                id + ": every step counts as done");
    }

    private static void bothLanguages(Localized text, String where) {
        assertNotNull(text.texts().get(Language.KO), where + " has no Korean text");
        assertFalse(text.texts().get(Language.KO).isBlank(), where + " has an empty Korean text");
    }

    record Result(int status, String out) {}

    private static Result run(Session session, String command) {
        StringBuilder out = new StringBuilder();
        int status = session.execute(command, o -> out.append(PlainText.render(o)), Pacer.IMMEDIATE);
        return new Result(status, out.toString());
    }
}
