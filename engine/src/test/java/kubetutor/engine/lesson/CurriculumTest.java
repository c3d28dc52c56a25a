package kubetutor.engine.lesson;

import kubetutor.engine.output.PlainText;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.workspace.TextEditor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every shipped lesson, followed in each language as a learner who types each step's solution
 * would: each step's checks fail when the step begins (or they would teach nothing) and hold once
 * its solution ran, and every text exists in English and Korean. A step that can be done another
 * way (a notebook cannot open kubectl edit's editor) is followed that way too.
 */
class CurriculumTest {
    /**
     * What the learner changes in the editor when a step's solution runs {@code kubectl edit}: what
     * the step's text asks for (the first {@code from} becomes {@code to}).
     */
    private static final Map<StepRef, Change> EDITS = Map.of(
            new StepRef("replicationcontroller", "Edit the live object"), new Change("\n  replicas: 5\n", "\n  replicas: 4\n"));

    /** Other ways to do a step, which its checks must accept as well as its solution. */
    private static final Map<StepRef, String> ALTERNATIVES = Map.of(
            // the notebook's way: no editor there, so the changed manifest is applied
            new StepRef("replicationcontroller", "Edit the live object"), """
                    kubectl apply -f - <<EOF
                    apiVersion: v1
                    kind: ReplicationController
                    metadata:
                      name: http-go
                    spec:
                      replicas: 4
                      selector:
                        app: http-go
                      template:
                        metadata:
                          labels:
                            app: http-go
                        spec:
                          containers:
                          - name: http-go
                            image: gasbugs/http-go:v1
                            ports:
                            - containerPort: 8080
                    EOF
                    """,
            // apply over the Service that expose made: kubectl merges the manifest into it
            new StepRef("services", "The same Service from a manifest"), "kubectl apply -f http-go-svc.yaml",
            // the Deployment last: its pods are still Terminating when the check looks, and that is done
            new StepRef("deployment", "Clean up"), "kubectl delete pod client; kubectl delete service http-go; "
                    + "kubectl delete deployment http-go http-go-green");

    /**
     * Part of a step, which its checks must refuse: a check that passes before the learner did what
     * the step asks teaches nothing about the rest.
     */
    private static final Map<StepRef, List<String>> SHORTCUTS = Map.of(
            // the client pod left running, while the Deployment's pods are Terminating
            new StepRef("deployment", "Clean up"), List.of(
                    "kubectl delete deployment http-go http-go-green; kubectl delete service http-go"),
            new StepRef("services", "Clean up"), List.of(
                    "kubectl delete svc http-go http-go-np http-go-lb; kubectl delete deployment http-go",
                    "kubectl delete svc http-go http-go-np http-go-lb; kubectl delete deployment http-go; "
                            + "kubectl delete pod client http-go-probe"));

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
                for (int h = 0; h < s.hints().size(); h++) {
                    bothLanguages(s.hints().get(h), where + " hint " + (h + 1));
                }
                s.checks().forEach(c -> bothLanguages(c.fail(), where + " check " + c.run()));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyLessonSolvedByItsSolutions() {
        return Curriculum.builtIn().ids().stream().flatMap(id -> Stream.of(Language.values())
                .map(language -> DynamicTest.dynamicTest(id + " " + language.code(), () -> solve(id, language, null))));
    }

    @TestFactory
    Stream<DynamicTest> everyAlternativePassesItsStep() {
        return ALTERNATIVES.keySet().stream().map(ref -> DynamicTest.dynamicTest(ref.toString(), () -> {
            assertTrue(Curriculum.builtIn().find(ref.lesson()).orElseThrow().steps().stream()
                    .anyMatch(s -> s.title().in(Language.EN).equals(ref.title())), ref + ": no such step");
            solve(ref.lesson(), Language.EN, ref);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyShortcutFallsShort() {
        return SHORTCUTS.entrySet().stream().flatMap(e -> e.getValue().stream().map(shortcut ->
                DynamicTest.dynamicTest(e.getKey() + ": " + shortcut, () -> {
                    Session session = solveUpTo(e.getKey());
                    Result r = run(session, shortcut);
                    assertEquals(0, r.status, shortcut + "\n" + r.out);
                    Result check = run(session, "check");
                    assertEquals(1, check.status, e.getKey() + ": its checks pass after only " + shortcut + "\n" + check.out);
                })));
    }

    /** A session at the start of {@code ref}, its earlier steps done by their solutions. */
    private Session solveUpTo(StepRef ref) throws Exception {
        Lesson lesson = Curriculum.builtIn().find(ref.lesson()).orElseThrow();
        Session session = new Session(new SessionOptions(1, null, Files.createTempDirectory(work, ref.lesson())));
        assertEquals(0, run(session, "lesson " + ref.lesson()).status);
        for (Step s : lesson.steps()) {
            if (s.title().in(Language.EN).equals(ref.title())) {
                return session;
            }
            session.useEditor(new Learner(ref.toString(), EDITS.get(new StepRef(ref.lesson(), s.title().in(Language.EN)))));
            for (String command : s.solution()) {
                assertEquals(0, run(session, command).status, command);
            }
            run(session, "next");
        }
        throw new AssertionError(ref + ": no such step");
    }

    /** @param instead the step done by its {@link #ALTERNATIVES} entry rather than its solution, or null */
    private void solve(String id, Language language, StepRef instead) throws Exception {
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
            StepRef ref = new StepRef(id, s.title().in(Language.EN));
            List<String> commands = ref.equals(instead) ? List.of(ALTERNATIVES.get(ref)) : s.solution();
            Learner learner = new Learner(where, EDITS.get(ref));
            session.useEditor(learner);
            for (String command : commands) {
                Result r = run(session, command);
                assertEquals(0, r.status, where + ": solution command failed: " + command + "\n" + r.out);
            }
            assertTrue(learner.change == null || learner.done || ref.equals(instead),
                    where + ": CurriculumTest.EDITS has a change for it, and its solution never opened the editor");
            if (!s.checks().isEmpty()) {
                Result after = run(session, "check");
                assertEquals(0, after.status, where + ": its solution does not pass its checks:\n" + after.out);
            }
            run(session, "next");
        }
        assertTrue(run(session, "lesson").out.contains(lesson.steps().size() + "/" + lesson.steps().size()),
                id + ": every step counts as done");
    }

    /** A lesson's step, by its English title (numbers shift when steps are added). */
    record StepRef(String lesson, String title) {
        @Override
        public String toString() {
            return lesson + ": " + title;
        }
    }

    record Change(String from, String to) {}

    /** The learner at the editor: makes the change the step asks for, and fails the test when it cannot. */
    private static final class Learner implements TextEditor {
        private final String where;
        private final Change change;
        private boolean done;

        Learner(String where, Change change) {
            this.where = where;
            this.change = change;
        }

        @Override
        public Outcome edit(String prefix, String suffix, String text) {
            assertNotNull(change, where + ": its solution opens the editor, and CurriculumTest.EDITS has no change for it");
            assertFalse(done, where + ": its solution opens the editor twice");
            assertTrue(text.contains(change.from()), where + ": the editor shows no " + change.from().strip() + ":\n" + text);
            done = true;
            return new Saved("/tmp/" + prefix + "1" + suffix,
                    text.replaceFirst(Pattern.quote(change.from()), Matcher.quoteReplacement(change.to())));
        }

        @Override
        public void remove(String path) {
            // nothing was written
        }
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
