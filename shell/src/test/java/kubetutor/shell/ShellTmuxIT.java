package kubetutor.shell;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static kubetutor.shell.TmuxTerminal.PROMPT;
import static kubetutor.shell.TmuxTerminal.count;
import static kubetutor.shell.TmuxTerminal.lastLine;
import static kubetutor.shell.TmuxTerminal.lines;
import static kubetutor.shell.TmuxTerminal.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shell in a real terminal ({@link TmuxTerminal}): coloured, with a scripted $KUBE_EDITOR.
 * Needs tmux: skipped with a message without it, except on CI, where it fails.
 */
class ShellTmuxIT {
    @TempDir
    Path home;
    private TmuxTerminal t;

    @BeforeEach
    void start(TestInfo test) throws Exception {
        // The workspace is the temporary home too: a lesson hands out its files there, not into the source tree.
        TmuxTerminal.Setup setup = TmuxTerminal.Setup.plain().coloured().withEnv("KUBE_EDITOR", kubeEditor().toString());
        if (test.getTestMethod().orElseThrow().getName().equals("presentingALesson")) {
            setup = setup.withArgs(List.of("present", "deployment"), s -> s.contains("kubetutor [deployment 1/15] (default) $"));
        }
        t = TmuxTerminal.start(home, setup);
    }

    @AfterEach
    void stop() throws Exception {
        if (t != null) {
            t.close();
        }
    }

    @Test
    void aLearnersSession() throws Exception {
        // TAB completes a resource type from its short name, then the namespace's objects.
        t.keys("kubectl get po", "Tab");
        t.waitFor("po completed to pods", s -> lastLine(s).equals(PROMPT + "kubectl get pods"));
        t.keys("-n kube-system", "Enter");
        String table = t.waitFor("the pods table", s -> rows(s, "kube-scheduler-master") == 1);
        assertTrue(t.coloured().contains("\u001b[32mRunning"), "Running is green");

        t.keys("kubectl get node w", "Tab");
        t.waitFor("w completed to the common prefix of worker1 and worker2",
                s -> s.contains(PROMPT + "kubectl get node worker") && s.contains("worker1   worker2"));
        t.keys("C-u");

        // A watch in realtime mode streams until Ctrl-C, and the shell lives on.
        t.keys("clock realtime 10", "Enter");
        t.waitFor("realtime mode", s -> s.contains("10 times faster."));
        t.keys("kubectl get pods -n kube-system -w", "Enter");
        t.waitFor("the watch's table", s -> rows(s, "kube-scheduler-master") == 2);
        int prompts = count(t.screen(), PROMPT);
        t.keys("C-c");
        t.waitFor("the prompt after Ctrl-C", s -> count(s, PROMPT) == prompts + 1);
        t.keys("echo still here", "Enter");
        t.waitFor("the shell still answers", s -> lines(s).contains("still here"));

        // A here-document takes three lines, with the secondary prompt in between.
        t.keys("cat <<EOF", "Enter", "kind: Pod", "Enter", "EOF", "Enter");
        String heredoc = t.waitFor("the here-document's body printed", s -> lines(s).contains("kind: Pod"));
        assertTrue(lines(heredoc).contains("> kind: Pod"), "secondary prompt:\n" + heredoc);

        // kubectl run -it attaches to the container's shell: its prompt, its "exit", and kubectl's
        // lines once it ends; the tutor's prompt comes back.
        t.keys("kubectl run box --image=busybox --rm -it --restart=Never -- sh", "Enter");
        t.waitFor("the container's prompt", s -> lastLine(s).equals("/ #"));
        t.keys("hostname", "Enter");
        t.waitFor("the pod's hostname", s -> lines(s).contains("box"));
        t.keys("exit 4", "Enter");
        t.waitFor("run's closing lines", s -> lines(s).contains("pod default/box terminated (Error)")
                && lines(s).contains("pod \"box\" deleted") && lastLine(s).equals(PROMPT.strip()));

        // Up recalls the last command.
        t.keys("echo recalled", "Enter");
        t.waitFor("the echo", s -> count(lines(s), "recalled") == 1);
        t.keys("Up");
        t.waitFor("the recalled line", s -> lastLine(s).equals(PROMPT + "echo recalled"));
        t.keys("Enter");
        t.waitFor("the echo, again", s -> count(lines(s), "recalled") == 2);

        t.keys("exit", "Enter");
        t.waitFor("the shell ends", s -> s.contains("kubetutor-exited=0"));
        String history = Files.readString(home.resolve("history"), StandardCharsets.UTF_8);
        assertTrue(history.contains("kubectl get pods -n kube-system -w"), history);
        assertTrue(history.contains("cat <<EOF\\nkind: Pod\\nEOF"), history);
        assertEquals(1, rows(table, "NAME "), "one header");
    }

    /**
     * The editor kubectl edit runs: a script that, the first time, breaks the YAML (spec loses its
     * colon) and, the second time, mends it and sets three replicas; it keeps a copy of each file it was given.
     */
    private Path kubeEditor() throws IOException {
        Path script = home.resolve("kube-editor.sh");
        Files.writeString(script, """
                #!/bin/sh
                n=$(ls "$0".given.* 2>/dev/null | wc -l)
                cp "$1" "$0.given.$n"
                if [ "$n" = 0 ]; then
                  sed -i 's/^spec:$/spec/' "$1"
                else
                  sed -i -e 's/^spec$/spec:/' -e 's/replicas: 2/replicas: 3/' "$1"
                fi
                """);
        script.toFile().setExecutable(true);
        return script;
    }

    @Test
    void kubectlEditRunsTheEditorOnTheTerminal() throws Exception {
        t.keys("kubectl create deployment web --image=nginx --replicas=2", "Enter");
        t.waitFor("the deployment", s -> lines(s).contains("deployment.apps/web created"));
        t.keys("kubectl edit deployment/web", "Enter");
        String screen = t.waitFor("the edit, after the file came back once with its syntax error",
                s -> lines(s).contains("deployment.apps/web edited"));
        assertTrue(lines(screen).contains("error: deployments.apps \"web\" is invalid"), screen);
        String reopened = Files.readString(home.resolve("kube-editor.sh.given.1"), StandardCharsets.UTF_8);
        assertTrue(reopened.startsWith("""
                # Please edit the object below. Lines beginning with a '#' will be ignored,
                # and an empty file will abort the edit. If an error occurs while saving this file will be
                # reopened with the relevant failures.
                #
                # deployments.apps "web" was not valid:
                # * <nil>: Invalid value: "The edited file failed validation": error converting YAML to JSON: yaml: line"""), reopened);
        t.keys("kubectl get deployment web -o jsonpath='{.spec.replicas}{\"\\n\"}'", "Enter");
        t.waitFor("three replicas", s -> lines(s).contains("3"));
        t.keys("exit", "Enter");
        t.waitFor("the shell ends", s -> s.contains("kubetutor-exited=0"));
        try (var files = Files.list(home)) {
            // both temporary files (TMPDIR is the test's home) were removed once kubectl was done with them
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("kubectl-edit-")), "a kubectl-edit- file left");
        }
    }

    /**
     * The course's first and last steps: a directory under ~, then vim (found on the PATH, no
     * $EDITOR set) on the tutor's ~/.kube/config to give the context a namespace, which kubectl and
     * the prompt take up at once.
     */
    @Test
    void vimEditsTheTutorsKubeconfig() throws Exception {
        t.keys("cd ~", "Enter", "mkdir yaml", "Enter", "cd yaml", "Enter", "pwd", "Enter");
        t.waitFor("the tutor's home", s -> lines(s).contains("/root/yaml"));
        t.keys("vim ~/.kube/config", "Enter");
        t.waitFor("vim showing the kubeconfig", s -> lines(s).contains("current-context: kubernetes-admin@kubernetes"));
        // no auto-indent, whatever the host's vim makes of the file: the line is typed as it should read
        t.keys(":set noautoindent nosmartindent indentexpr=", "Enter");
        t.keys("/    user: kubernetes-admin", "Enter", "O", "    namespace: kube-system", "Escape", ":wq", "Enter");
        t.waitFor("the prompt with the new namespace", s -> lastLine(s).equals("kubetutor (kube-system) $"));
        t.keys("kubectl get pods", "Enter");
        t.waitFor("kube-system's pods", s -> rows(s, "kube-scheduler-master") == 1);
        String config = Files.readString(home.resolve("root/.kube/config"), StandardCharsets.UTF_8);
        assertTrue(config.contains("- context:\n    cluster: kubernetes\n    namespace: kube-system\n    user: kubernetes-admin\n"), config);
        assertTrue(Files.notExists(home.resolve(".kube")), "the host's own ~/.kube is never touched");
        t.keys("exit", "Enter");
        t.waitFor("the shell ends", s -> s.contains("kubetutor-exited=0"));
    }

    /** kubectl port-forward holds the terminal, as kubectl does, until Ctrl-C; its port closes with it. */
    @Test
    void ctrlCEndsPortForward() throws Exception {
        t.keys("kubectl run web --image=nginx", "Enter", "sleep 10", "Enter");
        t.waitFor("the pod", s -> lines(s).contains("pod/web created"));
        t.keys("kubectl port-forward web 8080:80", "Enter");
        t.waitFor("the forwarding lines", s -> lines(s).contains("Forwarding from [::1]:8080 -> 80"));
        Thread.sleep(1000);
        assertEquals("Forwarding from [::1]:8080 -> 80", lastLine(t.screen()), "no prompt while it forwards");
        int prompts = count(t.screen(), PROMPT);
        t.keys("C-c");
        t.waitFor("the prompt after Ctrl-C", s -> count(s, PROMPT) == prompts + 1);
        t.keys("curl localhost:8080", "Enter");
        t.waitFor("the port closed", s -> lines(s).stream().anyMatch(l -> l.startsWith("curl: (7) Failed to connect to localhost port 8080")));
        t.keys("kubectl port-forward web 8080:80 &", "Enter", "curl localhost:8080", "Enter");
        t.waitFor("nginx through the background port-forward", s -> lines(s).contains("<title>Welcome to nginx!</title>"));
        t.keys("exit", "Enter");
        t.waitFor("the shell ends", s -> s.contains("kubetutor-exited=0"));
    }

    @Test
    void aLesson() throws Exception {
        t.waitFor("the welcome pointing to the lessons",
                s -> lines(s).contains("New here? 'lesson' lists the guided lessons, and 'lesson pods' starts the first."));
        t.keys("lesson pod", "Tab");
        t.waitFor("the lesson id completed", s -> lastLine(s).equals(PROMPT + "lesson pods"));
        t.keys("Enter");
        t.waitFor("the first step, and the step in the prompt", s -> lines(s).contains("Step 1/6: The cluster")
                && lastLine(s).equals("kubetutor [pods 1/6] (default) $"));
        assertTrue(t.coloured().contains("\u001b[1m\u001b[36mStep 1/6: The cluster"), "the step's title bold and cyan");
        assertTrue(Files.exists(home.resolve("http-go-pod.yaml")), "the lesson's manifest handed out");

        t.keys("next", "Enter");
        t.waitFor("step 2", s -> lastLine(s).equals("kubetutor [pods 2/6] (default) $"));
        // The solution waits at the prompt, one command at a time, for the learner to run or edit.
        t.keys("solution", "Enter");
        t.waitFor("the solution's first command typed at the prompt",
                s -> lastLine(s).equals("kubetutor [pods 2/6] (default) $ kubectl create -f http-go-pod.yaml"));
        t.keys("Enter");
        t.waitFor("the pod created, and the next command typed", s -> lines(s).contains("pod/http-go created")
                && lastLine(s).equals("kubetutor [pods 2/6] (default) $ sleep 10"));
        t.keys("Enter");
        t.waitFor("the step done, as soon as the pod runs", s -> lines(s).contains("✓ Step 2 is done. Type 'next' to go on.")
                && lastLine(s).equals("kubetutor [pods 2/6 ✓] (default) $ kubectl get pods"));
        t.keys("C-u");
        String progress = Files.readString(home.resolve("progress.json"), StandardCharsets.UTF_8);
        assertTrue(progress.contains("\"pods\" : {") && progress.contains("\"done\" : [ 1, 2 ]"), progress);

        t.keys("lang ko", "Enter");
        t.keys("next", "Enter");
        t.waitFor("step 3 in Korean", s -> lines(s).contains("3/6단계: 파드를 보는 세 가지 방법"));

        // kubectl wraps help at 120 columns on a terminal this wide (200), as the real one does.
        t.keys("kubectl get --help", "Enter");
        t.waitFor("get's usage line wrapped as kubectl wraps it", s -> lines(s).contains("  kubectl get")
                && lines(s).contains("(TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]"));

        t.keys("lesson stop", "Enter");
        t.waitFor("the plain prompt again", s -> lastLine(s).equals(PROMPT.strip()));
        t.keys("exit", "Enter");
        t.waitFor("the shell ends", s -> s.contains("kubetutor-exited=0"));
    }

    /** ./kubetutor present deployment: what an instructor shows a class. */
    @Test
    void presentingALesson() throws Exception {
        String first = t.waitFor("the first step's heading, boxed across the terminal", s -> lines(s).contains(
                "┃" + " ".repeat(85) + "Step 1/15: Why a Deployment" + " ".repeat(85) + "┃"));
        assertTrue(lines(first).contains("┏" + "━".repeat(197) + "┓"), first);
        assertTrue(t.coloured().contains("\u001b[1m\u001b[36m┏"), "the box bold and cyan");
        t.keys("clock realtime 10", "Enter");
        t.keys("next", "Enter");
        t.waitFor("step 2, its first command already typed", s -> lastLine(s).equals(
                "kubetutor [deployment 2/15] (default) $ kubectl create -f http-go-deploy-v1.yaml --record=true"));
        t.keys("Enter");
        t.waitFor("the deployment created, the next command typed", s -> lines(s).contains("deployment.apps/http-go created")
                && lastLine(s).equals("kubetutor [deployment 2/15] (default) $ kubectl rollout status deployment http-go"));
        t.keys("Enter");
        t.waitFor("the rollout done, and the step", s -> lines(s).contains("deployment \"http-go\" successfully rolled out")
                && lastLine(s).equals("kubetutor [deployment 2/15 ✓] (default) $"));
        t.keys("next", "Enter");
        t.keys("next", "Enter");
        t.waitFor("step 4, scaling, typed ahead", s -> lastLine(s).equals(
                "kubetutor [deployment 4/15] (default) $ kubectl scale deployment http-go --replicas=5"));
        // The class did not type it: moving on does the step, so that the next one finds its cluster.
        t.keys("C-u", "next", "Enter");
        t.waitFor("step 5", s -> lastLine(s).startsWith("kubetutor [deployment 5/15] (default) $ kubectl patch"));
        t.keys("C-u", "kubectl get deploy http-go -o jsonpath='{.spec.replicas}{\"\\n\"}'", "Enter");
        t.waitFor("five replicas", s -> lines(s).contains("5"));
        t.keys("back", "Enter");
        t.waitFor("back at step 4, with its cluster", s -> lines(s).contains("The cluster is back as it was when step 4 began.")
                && lastLine(s).startsWith("kubetutor [deployment 4/15 ✓] (default) $ kubectl scale"));
        t.keys("C-u", "kubectl get deploy http-go -o jsonpath='{.spec.replicas}{\"-replicas\\n\"}'", "Enter");
        t.waitFor("three replicas again", s -> lines(s).contains("3-replicas"));
        t.keys("C-u", "transcript class.md", "Enter");
        t.waitFor("the transcript saved", s -> lines(s).stream().anyMatch(l -> l.endsWith("and their output to class.md (Markdown).")));
        String md = Files.readString(home.resolve("class.md"), StandardCharsets.UTF_8);
        assertTrue(md.startsWith("# kubetutor: lesson deployment\n"), md);
        assertTrue(md.contains("```console\n$ kubectl create -f http-go-deploy-v1.yaml --record=true\n"
                + "Flag --record has been deprecated, --record will be removed in the future\ndeployment.apps/http-go created\n```"), md);
        assertTrue(md.contains("## Step 4/15: Scaling"), md);
        t.keys("C-u", "exit", "Enter");
        t.waitFor("the shell ends", s -> s.contains("kubetutor-exited=0"));
        assertTrue(Files.notExists(home.resolve("progress.json")), "a presenter's run is not a learner's progress");
    }

    /** cluster -w on a terminal: each later map is drawn over the one before, so one map is left, the last. */
    @Test
    void aWatchedClusterMapIsRedrawnInPlace() throws Exception {
        t.keys("clock manual", "Enter", "kubectl create deployment web --image=nginx --replicas=4", "Enter", "sleep 30", "Enter");
        t.waitFor("the deployment", s -> lines(s).contains("deployment.apps/web created"));
        t.keys("node stop worker2", "Enter");
        t.waitFor("the node off", s -> lines(s).stream().anyMatch(l -> l.startsWith("worker2 is off")));
        int prompts = count(t.screen(), PROMPT);
        t.keys("cluster -w --timeout 7m", "Enter");
        String screen = t.waitFor("the watch to end", s -> count(s, PROMPT) == prompts + 1);
        assertEquals(1, rows(screen, "┌─ worker2 "), "one map on the screen:\n" + screen);
        assertEquals(1, rows(screen, "┌─ worker2 NotReady, machine off"), screen);
        assertTrue(lines(screen).stream().anyMatch(l -> l.matches("\\d+m\\d+s later:")), screen);
        assertTrue(lines(screen).stream().anyMatch(l -> l.contains("Terminating")), screen);
        t.keys("exit", "Enter");
        t.waitFor("the shell ends", s -> s.contains("kubetutor-exited=0"));
    }
}
