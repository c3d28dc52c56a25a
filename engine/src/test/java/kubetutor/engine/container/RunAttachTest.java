package kubetutor.engine.container;

import kubetutor.engine.output.PlainText;
import kubetutor.engine.sim.Pacer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** kubectl run with -i/-t: what it prints, and the exit status kubectl returns. */
class RunAttachTest {

    private static int status(Lab lab, String command) {
        return lab.session.execute(command, o -> {}, Pacer.IMMEDIATE);
    }

    @Test
    void restartNeverReturnsTheContainersExitCode() {
        Lab lab = new Lab();
        assertEquals(3, status(lab, "kubectl run a --image=busybox -i --rm --restart=Never -- sh -c 'exit 3'"));
        assertEquals(0, status(lab, "kubectl run b --image=busybox -i --rm --restart=Never -- true"));
        // With the default policy (Always) kubectl does not wait for an exit code; --rm does not wait
        // for the deletion either, and the restarted shell ignores SIGTERM.
        assertEquals(0, status(lab, "kubectl run c --image=busybox -i --rm -- sh -c 'exit 3'"));
        assertEquals("""
                NAME   READY   STATUS        RESTARTS   AGE
                c      0/1     Terminating   0          2s
                """, lab.run("kubectl get pods"));
    }

    @Test
    void onFailureWaitsForSuccessUntilThePodRunningTimeout() {
        Lab lab = new Lab();
        StringBuilder out = new StringBuilder();
        int status = lab.session.execute("kubectl run d --image=busybox -i --restart=OnFailure --pod-running-timeout=30s -- sh -c 'exit 2'",
                o -> out.append(PlainText.render(o)), Pacer.IMMEDIATE);
        assertEquals(1, status);
        assertEquals("error: timed out waiting for the condition\n", out.toString());
    }

    @Test
    void anInteractiveShellEndsWithItsExitStatusAndRmDeletesThePod() {
        Lab lab = new Lab();
        assertEquals("If you don't see a command prompt, try pressing enter.\n",
                lab.run("kubectl run box --image=busybox --rm -it --restart=Never -- sh"));
        assertEquals("box\n", lab.run("hostname"));
        assertEquals("pod \"box\" deleted\npod default/box terminated (Error)\n", lab.run("exit 5"));
        assertEquals("No resources found in default namespace.\n", lab.run("kubectl get pods"));
    }

    @Test
    void aPodThatIsNotRestartedHasNoSessionToResume() {
        Lab lab = new Lab();
        lab.run("kubectl run box --image=busybox -it --restart=Never -- sh");
        // attach.go prints "Session ended" only for restartPolicy Always
        assertEquals("", lab.run("exit"));
        assertEquals("""
                NAME   READY   STATUS      RESTARTS   AGE
                box    0/1     Completed   0          1s
                """, lab.run("kubectl get pods"));
        assertEquals("error: cannot attach a container in a completed pod; current phase is Succeeded\n",
                lab.run("kubectl attach box -it"));
    }

    @Test
    void attachResumesTheShellTheKubeletStartedAgain() {
        Lab lab = new Lab();
        assertEquals("If you don't see a command prompt, try pressing enter.\n",
                lab.run("kubectl run box --image=busybox -it -- sh"));
        lab.run("touch /tmp/mine");
        assertEquals("Session ended, resume using 'kubectl attach box -c box -i -t' command when the pod is running\n",
                lab.run("exit"));
        lab.run("sleep 5");
        assertEquals("""
                NAME   READY   STATUS    RESTARTS     AGE
                box    1/1     Running   1 (5s ago)   6s
                """, lab.run("kubectl get pods"));
        assertEquals("If you don't see a command prompt, try pressing enter.\n", lab.run("kubectl attach box -c box -i -t"));
        // a new container: the old one's files are gone
        assertEquals("ls: /tmp/mine: No such file or directory\n", lab.run("ls /tmp/mine"));
        assertEquals("box\n", lab.run("hostname"));
        assertEquals("Session ended, resume using 'kubectl attach box -c box -i -t' command when the pod is running\n",
                lab.run("exit 1"));
        lab.run("sleep 15"); // the second exit is restarted after the 10s crash back-off
        assertEquals("""
                NAME   READY   STATUS    RESTARTS      AGE
                box    1/1     Running   2 (15s ago)   21s
                """, lab.run("kubectl get pods"));
    }

    @Test
    void rmStillSaysTheSessionEndedBeforeDeletingARestartedPod() {
        Lab lab = new Lab();
        lab.run("kubectl run box --image=busybox --rm -it -- sh");
        assertEquals("Session ended, resume using 'kubectl attach box -c box -i -t' command when the pod is running\n"
                + "pod \"box\" deleted\n", lab.run("exit"));
    }
}
