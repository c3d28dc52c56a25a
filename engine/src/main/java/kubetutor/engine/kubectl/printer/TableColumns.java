package kubetutor.engine.kubectl.printer;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.output.Cell;
import kubetutor.engine.output.Style;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/** The column sets of `kubectl get` for each kind (the server-side printers of 1.32). */
public final class TableColumns {
    private TableColumns() {}

    private record Def(List<String> headers, List<Boolean> wideOnly,
                       BiFunction<JsonNode, Instant, List<Cell>> rows) implements Columns {
        @Override
        public List<Cell> row(JsonNode obj, Instant now) {
            return rows.apply(obj, now);
        }
    }

    /** Columns as printers.go defines them: the default ones, then those only -o wide shows. */
    static Columns def(List<String> normal, List<String> wide, BiFunction<JsonNode, Instant, List<Cell>> rows) {
        List<String> headers = new ArrayList<>(normal);
        headers.addAll(wide);
        List<Boolean> wideOnly = new ArrayList<>();
        normal.forEach(h -> wideOnly.add(false));
        wide.forEach(h -> wideOnly.add(true));
        return new Def(List.copyOf(headers), List.copyOf(wideOnly), rows);
    }

    public static Columns of(ResourceType type) {
        Columns workload = workload(type);
        if (workload != null) {
            return workload;
        }
        if (type == ResourceTypes.CONFIG_MAP) {
            // binaryData keys count too
            return def(List.of("NAME", "DATA", "AGE"), List.of(), (cm, now) -> List.of(Cell.plain(Meta.name(cm)),
                    Cell.plain(Integer.toString(cm.path("data").size() + cm.path("binaryData").size())), age(cm, now)));
        }
        if (type == ResourceTypes.SECRET) {
            return def(List.of("NAME", "TYPE", "DATA", "AGE"), List.of(), (s, now) -> List.of(Cell.plain(Meta.name(s)),
                    Cell.plain(s.path("type").asText("")), Cell.plain(Integer.toString(s.path("data").size())), age(s, now)));
        }
        if (type == ResourceTypes.SERVICE_ACCOUNT) {
            // the secrets listed in the account, which 1.24 and later no longer create: usually 0
            return def(List.of("NAME", "SECRETS", "AGE"), List.of(), (sa, now) -> List.of(Cell.plain(Meta.name(sa)),
                    Cell.plain(Integer.toString(sa.path("secrets").size())), age(sa, now)));
        }
        if (type == ResourceTypes.POD) {
            return new Def(List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"),
                    List.of(false, false, false, false, false, true, true, true, true), TableColumns::pod);
        }
        if (type == ResourceTypes.NODE) {
            return new Def(List.of("NAME", "STATUS", "ROLES", "AGE", "VERSION", "INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE",
                    "KERNEL-VERSION", "CONTAINER-RUNTIME"),
                    List.of(false, false, false, false, false, true, true, true, true, true), TableColumns::node);
        }
        if (type == ResourceTypes.NAMESPACE) {
            return new Def(List.of("NAME", "STATUS", "AGE"), List.of(false, false, false),
                    (o, now) -> List.of(Cell.plain(Meta.name(o)), Styles.status(o.path("status").path("phase").asText("")),
                            Cell.plain(Age.since(Meta.creationTime(o), now))));
        }
        if (type == ResourceTypes.EVENT) {
            return new Def(List.of("LAST SEEN", "TYPE", "REASON", "OBJECT", "SUBOBJECT", "SOURCE", "MESSAGE", "FIRST SEEN",
                    "COUNT", "NAME"), List.of(false, false, false, false, true, true, false, true, true, true), TableColumns::event);
        }
        if (type == ResourceTypes.SERVICE) {
            return new Def(List.of("NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE", "SELECTOR"),
                    List.of(false, false, false, false, false, false, true), TableColumns::service);
        }
        if (type == ResourceTypes.LEASE) {
            return new Def(List.of("NAME", "HOLDER", "AGE"), List.of(false, false, false),
                    (o, now) -> List.of(Cell.plain(Meta.name(o)), Cell.plain(o.path("spec").path("holderIdentity").asText("")),
                            Cell.plain(Age.since(Meta.creationTime(o), now))));
        }
        if (type == ResourceTypes.ENDPOINT_SLICE) {
            return EndpointSliceColumns.COLUMNS;
        }
        if (type == ResourceTypes.ENDPOINTS) {
            return new Def(List.of("NAME", "ENDPOINTS", "AGE"), List.of(false, false, false), TableColumns::endpoints);
        }
        return new Def(List.of("NAME", "AGE"), List.of(false, false),
                (o, now) -> List.of(Cell.plain(Meta.name(o)), Cell.plain(Age.since(Meta.creationTime(o), now))));
    }

    private static Columns workload(ResourceType type) {
        if (type == ResourceTypes.REPLICATION_CONTROLLER) {
            return WorkloadColumns.REPLICATION_CONTROLLER;
        }
        if (type == ResourceTypes.REPLICA_SET) {
            return WorkloadColumns.REPLICA_SET;
        }
        if (type == ResourceTypes.DEPLOYMENT) {
            return WorkloadColumns.DEPLOYMENT;
        }
        return type == ResourceTypes.DAEMON_SET ? WorkloadColumns.DAEMON_SET : null;
    }

    private static Cell age(JsonNode obj, Instant now) {
        return Cell.plain(Age.since(Meta.creationTime(obj), now));
    }

    private static List<Cell> pod(JsonNode pod, Instant now) {
        PodRow.Summary s = PodRow.summarize(pod, now);
        JsonNode ips = pod.path("status").path("podIPs");
        String ip = ips.size() > 0 ? ips.get(0).path("ip").asText() : "<none>";
        String node = pod.path("spec").path("nodeName").asText("");
        String nominated = pod.path("status").path("nominatedNodeName").asText("");
        JsonNode gates = pod.path("spec").path("readinessGates");
        String gateCell = "<none>";
        if (gates.size() > 0) {
            int trueGates = 0;
            for (JsonNode g : gates) {
                for (JsonNode c : pod.path("status").path("conditions")) {
                    if (c.path("type").asText().equals(g.path("conditionType").asText())
                            && c.path("status").asText().equals("True")) {
                        trueGates++;
                    }
                }
            }
            gateCell = trueGates + "/" + gates.size();
        }
        return List.of(Cell.plain(Meta.name(pod)), Cell.plain(s.ready()), Styles.status(s.status()), Cell.plain(s.restarts()),
                Cell.plain(Age.since(Meta.creationTime(pod), now)), Cell.plain(ip),
                Cell.plain(node.isEmpty() ? "<none>" : node), Cell.plain(nominated.isEmpty() ? "<none>" : nominated),
                Cell.plain(gateCell));
    }

    private static List<Cell> node(JsonNode node, Instant now) {
        String status = nodeStatus(node);
        String roles = nodeRoles(node);
        JsonNode info = node.path("status").path("nodeInfo");
        return List.of(Cell.plain(Meta.name(node)), Styles.status(status),
                Cell.plain(roles.isEmpty() ? "<none>" : roles),
                Cell.plain(Age.since(Meta.creationTime(node), now)), Cell.plain(info.path("kubeletVersion").asText("")),
                Cell.plain(address(node, "InternalIP")), Cell.plain(address(node, "ExternalIP")),
                Cell.plain(orUnknown(info.path("osImage").asText(""))), Cell.plain(orUnknown(info.path("kernelVersion").asText(""))),
                Cell.plain(orUnknown(info.path("containerRuntimeVersion").asText(""))));
    }

    private static String orUnknown(String s) {
        return s.isEmpty() ? "<unknown>" : s;
    }

    private static String address(JsonNode node, String type) {
        for (JsonNode a : node.path("status").path("addresses")) {
            if (a.path("type").asText().equals(type)) {
                return a.path("address").asText();
            }
        }
        return "<none>";
    }

    private static List<Cell> event(JsonNode ev, Instant now) {
        Instant last = Meta.parseTime(ev.get("lastTimestamp"));
        Instant first = Meta.parseTime(ev.get("firstTimestamp"));
        if (last == null) {
            last = first;
        }
        JsonNode obj = ev.path("involvedObject");
        String source = ev.path("source").path("component").asText("");
        String host = ev.path("source").path("host").asText("");
        if (!host.isEmpty()) {
            source = source + ", " + host;
        }
        int count = ev.path("count").asInt(0);
        String type = ev.path("type").asText("");
        return List.of(Cell.plain(Age.since(last, now)),
                new Cell(type, type.equals("Warning") ? Style.ERROR : Style.PLAIN),
                Cell.plain(ev.path("reason").asText("")),
                Cell.plain(obj.path("kind").asText("").toLowerCase(java.util.Locale.ROOT) + "/" + obj.path("name").asText("")),
                Cell.plain(obj.path("fieldPath").asText("")), Cell.plain(source),
                Cell.plain(ev.path("message").asText("").strip()), Cell.plain(Age.since(first, now)),
                Cell.plain(Integer.toString(count == 0 ? 1 : count)), Cell.plain(Meta.name(ev)));
    }

    private static List<Cell> service(JsonNode svc, Instant now) {
        JsonNode spec = svc.path("spec");
        String type = spec.path("type").asText("ClusterIP");
        String clusterIp = spec.path("clusterIPs").size() > 0 ? spec.path("clusterIPs").get(0).asText()
                : spec.path("clusterIP").asText("<none>");
        if (clusterIp.isEmpty()) {
            clusterIp = "<none>";
        }
        String external;
        if (type.equals("LoadBalancer")) {
            List<String> ips = new ArrayList<>();
            for (JsonNode in : svc.path("status").path("loadBalancer").path("ingress")) {
                ips.add(in.has("ip") ? in.path("ip").asText() : in.path("hostname").asText());
            }
            spec.path("externalIPs").forEach(x -> ips.add(x.asText()));
            external = ips.isEmpty() ? "<pending>" : String.join(",", ips);
        } else if (type.equals("ExternalName")) {
            external = spec.path("externalName").asText();
        } else {
            List<String> ips = new ArrayList<>();
            spec.path("externalIPs").forEach(x -> ips.add(x.asText()));
            external = ips.isEmpty() ? "<none>" : String.join(",", ips);
        }
        List<String> ports = new ArrayList<>();
        for (JsonNode p : spec.path("ports")) {
            int nodePort = p.path("nodePort").asInt(0);
            ports.add(p.path("port").asInt() + (nodePort > 0 ? ":" + nodePort : "") + "/" + p.path("protocol").asText("TCP"));
        }
        return List.of(Cell.plain(Meta.name(svc)), Cell.plain(type), Cell.plain(clusterIp), Cell.plain(external),
                Cell.plain(ports.isEmpty() ? "<none>" : String.join(",", ports)),
                Cell.plain(Age.since(Meta.creationTime(svc), now)),
                Cell.plain(Selectors.formatLabels(Meta.stringMap(spec.path("selector")))));
    }

    private static List<Cell> endpoints(JsonNode ep, Instant now) {
        String cell = EndpointsFormat.format(ep, null, 3);
        return List.of(Cell.plain(Meta.name(ep)), Cell.plain(cell), Cell.plain(Age.since(Meta.creationTime(ep), now)));
    }

    /** A node's STATUS as kubectl get nodes prints it: Ready, NotReady or Unknown, and SchedulingDisabled when cordoned. */
    public static String nodeStatus(JsonNode node) {
        String status = "Unknown";
        for (JsonNode c : node.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")) {
                status = c.path("status").asText().equals("True") ? "Ready" : "NotReady";
            }
        }
        if (node.path("spec").path("unschedulable").asBoolean(false)) {
            status += ",SchedulingDisabled";
        }
        return status;
    }

    /** A node's ROLES, comma-separated and sorted ("" for none), from its node-role labels. */
    public static String nodeRoles(JsonNode node) {
        List<String> roles = new ArrayList<>();
        Map<String, String> labels = new TreeMap<>(Meta.labels(node));
        labels.forEach((k, v) -> {
            if (k.startsWith("node-role.kubernetes.io/")) {
                roles.add(k.substring("node-role.kubernetes.io/".length()));
            } else if (k.equals("kubernetes.io/role")) {
                roles.add(v);
            }
        });
        roles.sort(null);
        return String.join(",", roles);
    }
}
