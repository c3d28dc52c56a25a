package kubetutor.apiserver;

import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client library against serve: Debian's python3-kubernetes lists nodes, creates a deployment,
 * watches its pods come up while the clock runs, and patches the scale subresource and the
 * object; its stream() execs over the v4 channel protocol. Without the package it skips, or fails
 * when CI is set (.ci/run installs it).
 */
class PythonClientIT {
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    /** Skips without the package, saying why; on CI (CI set) its absence is a failure. */
    private static void needPythonKubernetes() throws Exception {
        Process probe = new ProcessBuilder(PYTHON, "-c", "import kubernetes").redirectErrorStream(true).start();
        String problem = probe.waitFor() == 0 ? null : new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (problem != null) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("python3-kubernetes is needed: " + problem);
            }
            Assumptions.abort("skipping: Debian's python3-kubernetes is not installed");
        }
    }

    /** What {@code script} printed against a fresh serve whose clock runs twenty times faster than the wall. */
    private String run(String script) throws Exception {
        needPythonKubernetes();
        Session session = new Session(SessionOptions.defaults(dir));
        try (Server server = new Server(session, 0, 20)) {
            Path kubeconfig = dir.resolve("kubeconfig");
            Kubeconfig.write(kubeconfig, server.port(), server.token(), server.authorityData());
            Process p = new ProcessBuilder(PYTHON, Path.of("src/test/python", script).toAbsolutePath().toString(),
                    kubeconfig.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            return out;
        }
    }

    @Test
    void listsWatchesAndPatches() throws Exception {
        assertEquals("""
                nodes: master worker1 worker2
                running pods watched: 2
                replicas after the scale patch: 3
                label after the patch: front
                missing pod: 404 Not Found
                """, run("client_check.py"));
    }

    /** stream() asks for v4.channel.k8s.io: the exit status comes as the kubelet's Status with the ExitCode cause. */
    @Test
    void execOverTheV4ChannelProtocolGivesOutputAndExitCodes() throws Exception {
        assertEquals("""
                output: hello from box
                stderr: oops
                exit code: 3
                stdout: 42
                exit code: 0
                """, run("exec_check.py"));
    }
}
