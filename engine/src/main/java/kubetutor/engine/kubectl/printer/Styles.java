package kubetutor.engine.kubectl.printer;

import kubetutor.engine.output.Cell;
import kubetutor.engine.output.Style;

import java.util.Set;

/** What a status word means, for colour. */
public final class Styles {
    private static final Set<String> OK = Set.of("Running", "Ready", "Active", "Completed", "Succeeded", "True", "Bound");
    private static final Set<String> PROGRESS = Set.of("Pending", "ContainerCreating", "PodInitializing", "Unknown");

    private Styles() {}

    public static Style of(String status) {
        if (OK.contains(status)) {
            return Style.OK;
        }
        if (status.equals("Terminating")) {
            return Style.DIM;
        }
        if (PROGRESS.contains(status) || status.startsWith("Init:") && status.matches("Init:\\d+/\\d+")) {
            return Style.PROGRESS;
        }
        if (status.startsWith("Ready,")) {
            return Style.PROGRESS;
        }
        return Style.ERROR;
    }

    public static Cell status(String status) {
        return new Cell(status, of(status));
    }
}
