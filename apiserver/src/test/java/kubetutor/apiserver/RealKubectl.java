package kubetutor.apiserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Whether the real kubectl these tests drive is here, and the 1.32 client they compare against. */
final class RealKubectl {
    private RealKubectl() {}

    /** Null when kubectl 1.32 is on the PATH; otherwise why the tests that need it cannot run. */
    static String problem() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 && text.contains("v1.32") ? null : "kubectl is not version 1.32: " + text.trim();
        } catch (IOException | InterruptedException e) {
            return "no kubectl on the PATH";
        }
    }
}
