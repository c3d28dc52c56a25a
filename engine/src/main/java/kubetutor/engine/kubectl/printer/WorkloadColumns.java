package kubetutor.engine.kubectl.printer;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.output.Cell;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of the kinds that run pods from a template (printers.go printReplicationController,
 * printReplicaSet, printDeployment, printDaemonSet). Their wide columns name the template's
 * containers and images; the selector is printed as each kind's Go type prints it.
 */
final class WorkloadColumns {
    private WorkloadColumns() {}

    static final Columns REPLICATION_CONTROLLER = TableColumns.def(
            List.of("NAME", "DESIRED", "CURRENT", "READY", "AGE"), List.of("CONTAINERS", "IMAGES", "SELECTOR"),
            (rc, now) -> replicas(rc, now, Selectors.formatLabels(Meta.stringMap(rc.path("spec").path("selector")))));

    static final Columns REPLICA_SET = TableColumns.def(
            List.of("NAME", "DESIRED", "CURRENT", "READY", "AGE"), List.of("CONTAINERS", "IMAGES", "SELECTOR"),
            (rs, now) -> replicas(rs, now, Selectors.formatLabelSelector(rs.path("spec").path("selector"))));

    /** READY is ready/desired; the wide selector is the selector's own String(), without "<none>". */
    static final Columns DEPLOYMENT = TableColumns.def(
            List.of("NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"), List.of("CONTAINERS", "IMAGES", "SELECTOR"),
            (d, now) -> {
                JsonNode status = d.path("status");
                List<Cell> row = new ArrayList<>(List.of(Cell.plain(Meta.name(d)),
                        Cell.plain(status.path("readyReplicas").asLong() + "/" + d.path("spec").path("replicas").asLong()),
                        number(status, "updatedReplicas"), number(status, "availableReplicas"), age(d, now)));
                row.addAll(template(d, Selectors.labelSelector(d.path("spec").path("selector"))));
                return row;
            });

    static final Columns DAEMON_SET = TableColumns.def(
            List.of("NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE SELECTOR", "AGE"),
            List.of("CONTAINERS", "IMAGES", "SELECTOR"),
            (ds, now) -> {
                JsonNode status = ds.path("status");
                List<Cell> row = new ArrayList<>(List.of(Cell.plain(Meta.name(ds)), number(status, "desiredNumberScheduled"),
                        number(status, "currentNumberScheduled"), number(status, "numberReady"),
                        number(status, "updatedNumberScheduled"), number(status, "numberAvailable"),
                        Cell.plain(Selectors.formatLabels(Meta.stringMap(
                                ds.path("spec").path("template").path("spec").path("nodeSelector")))),
                        age(ds, now)));
                row.addAll(template(ds, Selectors.formatLabelSelector(ds.path("spec").path("selector"))));
                return row;
            });

    /** DESIRED spec.replicas, CURRENT status.replicas, READY status.readyReplicas. */
    private static List<Cell> replicas(JsonNode obj, Instant now, String selector) {
        List<Cell> row = new ArrayList<>(List.of(Cell.plain(Meta.name(obj)), number(obj.path("spec"), "replicas"),
                number(obj.path("status"), "replicas"), number(obj.path("status"), "readyReplicas"), age(obj, now)));
        row.addAll(template(obj, selector));
        return row;
    }

    /** layoutContainerCells: container names and images, each comma-joined; then the selector. */
    private static List<Cell> template(JsonNode obj, String selector) {
        List<String> names = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (JsonNode c : obj.path("spec").path("template").path("spec").path("containers")) {
            names.add(c.path("name").asText(""));
            images.add(c.path("image").asText(""));
        }
        return List.of(Cell.plain(String.join(",", names)), Cell.plain(String.join(",", images)), Cell.plain(selector));
    }

    private static Cell number(JsonNode parent, String field) {
        return Cell.plain(Long.toString(parent.path(field).asLong(0)));
    }

    private static Cell age(JsonNode obj, Instant now) {
        return Cell.plain(Age.since(Meta.creationTime(obj), now));
    }
}
