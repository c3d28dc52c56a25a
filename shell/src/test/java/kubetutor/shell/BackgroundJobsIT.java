package kubetutor.shell;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static kubetutor.shell.TmuxTerminal.PROMPT;
import static kubetutor.shell.TmuxTerminal.after;
import static kubetutor.shell.TmuxTerminal.lastLine;
import static kubetutor.shell.TmuxTerminal.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second terminal the course opens, as background jobs of the one shell: {@code CMD &}, what a
 * job prints appearing above the prompt while the learner types, {@code jobs}, {@code fg} and
 * Ctrl-C, {@code kill %1}, and bash's Done notice at the next prompt.
 */
class BackgroundJobsIT {
    @TempDir
    Path home;
    private TmuxTerminal t;

    @AfterEach
    void stop() throws Exception {
        if (t != null) {
            t.close();
        }
    }

    @Test
    void jobsAsBashKeepsThem() throws Exception {
        t = TmuxTerminal.start(home);
        t.run("sleep 300 &", "the job's number and pid, and the prompt back at once",
                x -> after(x, "sleep 300 &").stream().anyMatch(l -> l.matches("\\[1] \\d+")) && TmuxTerminal.finished(x, "sleep 300 &"));
        t.run("jobs", "the job listed", x -> after(x, "jobs").contains("[1]+  Running                 sleep 300 &"));
        t.run("bg", "bash's word for a job that runs already", x -> after(x, "bg").contains("sh: bg: job 1 already in background"));
        t.run("kill %1", "the job terminated", x -> after(x, "kill %1").contains("[1]+  Terminated              sleep 300"));
        t.run("kill %1", "no such job", x -> after(x, "kill %1").contains("sh: kill: %1: no such job"));

        // Ended while the learner was busy: reported just before the next prompt, as bash does.
        t.run("sleep 2 &", "a short job", x -> after(x, "sleep 2 &").stream().anyMatch(l -> l.startsWith("[1] ")));
        t.run("sleep 5", "a foreground sleep past the job's end", x -> after(x, "sleep 5").contains("[1]+  Done                    sleep 2"));
        t.run("jobs", "no jobs left", x -> lastLine(x).equals(PROMPT.strip()) && after(x, "jobs").size() == 1);

        // fg brings a job back; Ctrl-C stops it, and it is gone.
        t.run("kubectl get nodes -w &", "the watch's table above the prompt",
                x -> after(x, "kubectl get nodes -w &").stream().anyMatch(l -> l.startsWith("worker2   Ready")));
        t.run("fg", "the job's command", x -> after(x, "fg").contains("kubectl get nodes -w"));
        t.keys("C-c");
        t.waitFor("the prompt after Ctrl-C", x -> lastLine(x).equals(PROMPT.strip()));
        t.run("jobs", "nothing left", x -> after(x, "jobs").size() == 1);
        t.run("fg", "no current job", x -> after(x, "fg").contains("sh: fg: current: no such job"));
        t.run("bg", "no current job for bg either", x -> after(x, "bg").contains("sh: bg: current: no such job"));
    }

    @Test
    void theCoursesLoopAnswersAboveThePromptThroughARollingUpdate() throws Exception {
        t = TmuxTerminal.start(home);
        t.run("kubectl create deployment http-go --image=gasbugs/http-go:v1 --replicas=3 --port=8080", "created",
                x -> after(x, "kubectl create deployment http-go --image=gasbugs/http-go:v1 --replicas=3 --port=8080")
                        .contains("deployment.apps/http-go created"));
        t.run("kubectl expose deploy http-go", "exposed", x -> after(x, "kubectl expose deploy http-go").contains("service/http-go exposed"));
        t.run("kubectl run busybox --image=busybox -- sleep 3600", "busybox", x -> after(x, "kubectl run busybox --image=busybox -- sleep 3600")
                .contains("pod/busybox created"));
        t.run("sleep 15", "the pods running", x -> TmuxTerminal.finished(x, "sleep 15"));
        String loop = "kubectl exec -it busybox -- sh -c 'while true; do wget -O- -q http-go:8080; sleep 1; done' &";
        t.run(loop, "v1 answering", x -> after(x, loop).stream().anyMatch(l -> l.startsWith("Welcome! http-go-")));

        // What the loop prints lands above the prompt; what the learner is typing stays under it.
        t.keys("kubectl get deploy");
        String typing = t.waitFor("more answers while typing", x -> after(x, loop).stream().filter(l -> l.startsWith("Welcome!")).count() >= 3
                && lastLine(x).equals(PROMPT + "kubectl get deploy"));
        assertEquals(PROMPT + "kubectl get deploy", lastLine(typing));
        t.keys("C-u");

        t.run("kubectl set image deploy/http-go http-go=gasbugs/http-go:v2", "updated",
                x -> after(x, "kubectl set image deploy/http-go http-go=gasbugs/http-go:v2").contains("deployment.apps/http-go image updated"));
        String rolled = t.run("kubectl rollout status deploy/http-go", "the rollout's end",
                x -> after(x, "kubectl rollout status deploy/http-go").contains("deployment \"http-go\" successfully rolled out"));
        List<String> during = after(rolled, "kubectl rollout status deploy/http-go");
        assertTrue(during.stream().anyMatch(l -> l.startsWith("Waiting for deployment")), String.join("\n", during));
        String v2 = t.waitFor("only v2 after the rollout", x -> {
            List<String> late = after(x, "kubectl rollout status deploy/http-go").stream().filter(l -> l.startsWith("Welcome!")).toList();
            return late.size() >= 8 && late.subList(late.size() - 3, late.size()).stream().allMatch(l -> l.startsWith("Welcome! v2 "));
        });
        List<String> answers = lines(v2).stream().filter(l -> l.startsWith("Welcome!")).toList();
        assertTrue(answers.stream().anyMatch(l -> !l.startsWith("Welcome! v2 ")) && answers.stream().anyMatch(l -> l.startsWith("Welcome! v2 ")),
                "v1 and v2 both answered:\n" + v2);
        t.run("kill %1", "the loop stopped", x -> after(x, "kill %1").stream().anyMatch(l -> l.startsWith("[1]+  Terminated ")));
    }

    @Test
    void portForwardInTheBackground() throws Exception {
        t = TmuxTerminal.start(home);
        t.run("kubectl run web --image=nginx", "created", x -> after(x, "kubectl run web --image=nginx").contains("pod/web created"));
        t.run("sleep 10", "running", x -> TmuxTerminal.finished(x, "sleep 10"));
        t.run("kubectl port-forward pod/web 8080:80 &", "forwarding",
                x -> after(x, "kubectl port-forward pod/web 8080:80 &").contains("Forwarding from 127.0.0.1:8080 -> 80"));
        t.run("curl -s localhost:8080 | grep title", "nginx's page",
                x -> after(x, "curl -s localhost:8080 | grep title").contains("<title>Welcome to nginx!</title>"));
        t.run("jobs", "the forward running", x -> after(x, "jobs").contains("[1]+  Running                 kubectl port-forward pod/web 8080:80 &"));
        t.run("kill %1", "stopped", x -> after(x, "kill %1").stream().anyMatch(l -> l.startsWith("[1]+  Terminated ")));
        t.run("curl localhost:8080", "refused", x -> after(x, "curl localhost:8080").stream().anyMatch(l -> l.startsWith("curl: (7) ")));
    }
}
