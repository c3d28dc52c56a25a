package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.kubectl.printer.Age;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * describe.go describeNodeResource: the node's non-terminated pods with their requests and limits
 * as a share of allocatable, then the totals. Percentages are truncated, as Go's int64(float) is.
 */
final class NodeResources {
    private NodeResources() {}

    static void write(DescribeWriter w, JsonNode node, DescribeContext ctx) {
        List<JsonNode> pods = new ArrayList<>();
        for (JsonNode pod : ctx.list(ResourceTypes.POD, null)) {
            String phase = pod.path("status").path("phase").asText("");
            if (pod.path("spec").path("nodeName").asText("").equals(Meta.name(node))
                    && !phase.equals("Succeeded") && !phase.equals("Failed")) {
                pods.add(pod);
            }
        }
        JsonNode allocatable = node.path("status").path("allocatable").isEmpty()
                ? node.path("status").path("capacity") : node.path("status").path("allocatable");
        Quantity cpu = Quantity.parse(allocatable.path("cpu").asText(""));
        Quantity memory = Quantity.parse(allocatable.path("memory").asText(""));

        w.field(0, "Non-terminated Pods", "(" + pods.size() + " in total)");
        // The empty column after Name is in kubectl's format string too.
        w.write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
        w.write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
        Map<String, Quantity> totalRequests = new HashMap<>();
        Map<String, Quantity> totalLimits = new HashMap<>();
        for (JsonNode pod : pods) {
            Map<String, Quantity> requests = podTotals(pod, "requests");
            Map<String, Quantity> limits = podTotals(pod, "limits");
            requests.forEach((k, v) -> totalRequests.merge(k, v, Quantity::plus));
            limits.forEach((k, v) -> totalLimits.merge(k, v, Quantity::plus));
            w.write(1, Meta.namespace(pod) + "\t" + Meta.name(pod) + "\t\t"
                    + milli(requests.get("cpu"), cpu) + "\t" + milli(limits.get("cpu"), cpu) + "\t"
                    + whole(requests.get("memory"), memory) + "\t" + whole(limits.get("memory"), memory) + "\t"
                    + Age.since(Meta.creationTime(pod), ctx.now()) + "\n");
        }
        w.write(0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
        w.write(1, "Resource\tRequests\tLimits\n");
        w.write(1, "--------\t--------\t------\n");
        w.write(1, "cpu\t" + milli(totalRequests.get("cpu"), cpu) + "\t" + milli(totalLimits.get("cpu"), cpu) + "\n");
        w.write(1, "memory\t" + whole(totalRequests.get("memory"), memory) + "\t" + whole(totalLimits.get("memory"), memory) + "\n");
        Quantity storage = Quantity.parse(allocatable.path("ephemeral-storage").asText(""));
        w.write(1, "ephemeral-storage\t" + whole(totalRequests.get("ephemeral-storage"), storage) + "\t"
                + whole(totalLimits.get("ephemeral-storage"), storage) + "\n");
        for (String name : new TreeMap<>(Meta.stringMap(allocatable)).keySet()) {
            if (name.startsWith("hugepages-")) {
                Quantity size = Quantity.parse(allocatable.path(name).asText(""));
                w.write(1, name + "\t" + whole(totalRequests.get(name), size) + "\t" + whole(totalLimits.get(name), size) + "\n");
            }
        }
    }

    /**
     * resourcehelper.PodRequestsAndLimits: the sum over the containers, raised to any single init
     * container's value when that is larger (init containers run one at a time).
     */
    static Map<String, Quantity> podTotals(JsonNode pod, String kind) {
        Map<String, Quantity> sum = new HashMap<>();
        for (JsonNode c : pod.path("spec").path("containers")) {
            Meta.stringMap(c.path("resources").path(kind)).forEach((k, v) -> sum.merge(k, Quantity.parse(v), Quantity::plus));
        }
        for (JsonNode c : pod.path("spec").path("initContainers")) {
            Meta.stringMap(c.path("resources").path(kind)).forEach((k, v) -> {
                Quantity q = Quantity.parse(v);
                Quantity current = sum.get(k);
                if (current == null || q.value().compareTo(current.value()) > 0) {
                    sum.put(k, q);
                }
            });
        }
        return sum;
    }

    private static String milli(Quantity q, Quantity allocatable) {
        Quantity v = q == null ? Quantity.ZERO : q;
        return v + " (" + percent(v.milliValue(), allocatable.milliValue()) + "%)";
    }

    private static String whole(Quantity q, Quantity allocatable) {
        Quantity v = q == null ? Quantity.ZERO : q;
        return v + " (" + percent(v.wholeValue(), allocatable.wholeValue()) + "%)";
    }

    private static long percent(long part, long whole) {
        return whole == 0 ? 0 : (long) ((double) part / (double) whole * 100);
    }
}
