package kubetutor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.output.PlainText;
import kubetutor.engine.session.Session;
import kubetutor.engine.sim.Pacer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * kube-proxy's figures: a Service over 5,000 ready http-go pods on 100 nodes, and 10,000 requests
 * made inside a busybox pod ({@code kubectl exec client -- sh -c 'for ...; do wget -qO- SVC; done'},
 * 100 rounds of 100) while pods turn ready and unready: before each round 250 addresses move
 * between the Endpoints' ready and not-ready lists, as the endpoints controller moves them when
 * readiness flips, and a simulated second passes. Prints the wall time of the requests, the spread
 * of answers over the endpoints against a fair draw, and how many answers came from a not-ready
 * address (must be none). Run: {@code benchmarks/run traffic}.
 */
final class Traffic {
    private static final int PODS = 5_000;
    private static final int ROUNDS = 100;
    private static final int PER_ROUND = 100;
    private static final int FLIPS = 250;
    private static final String CLUSTER_IP = "10.96.0.100";

    private Traffic() {}

    public static void main(String[] args) throws Exception {
        Session session = Measure.hundredWorkers();
        Measure.Span setUp = Measure.Span.start();
        session.execute("kubectl create deployment web --image=gasbugs/http-go:v1 --replicas=" + PODS + " --port=8080",
                o -> {}, Pacer.IMMEDIATE);
        session.execute("kubectl run client --image=busybox -- sleep 100000", o -> {}, Pacer.IMMEDIATE);
        Map<String, String> nameByIp = new HashMap<>();
        Instant start = session.now();
        while (nameByIp.size() < PODS + 1) {
            session.advance(Duration.ofSeconds(1));
            nameByIp = readyPods(session);
            if (Duration.between(start, session.now()).toMinutes() > 30) {
                throw new IllegalStateException("pods not ready after 30 simulated minutes");
            }
        }
        nameByIp.values().remove("client");
        Map<String, String> names = nameByIp;
        List<String> ips = new ArrayList<>(nameByIp.keySet());
        ips.sort(null);
        session.cluster().api().create(ResourceTypes.SERVICE, service());
        Set<String> notReady = new HashSet<>();
        session.cluster().api().create(ResourceTypes.ENDPOINTS, endpoints(ips, notReady, null));
        double setUpWall = setUp.wall();

        Random flips = new Random(1);
        Map<String, Integer> hits = new HashMap<>();
        Map<String, Double> expected = new HashMap<>();
        long fromNotReady = 0;
        long answers = 0;
        String loop = "kubectl exec client -- sh -c 'for i in $(seq 1 " + PER_ROUND + "); do wget -qO- " + CLUSTER_IP
                + "; done'";
        Measure.Span span = Measure.Span.start();
        Instant simStart = session.now();
        for (int round = 0; round < ROUNDS; round++) {
            for (int f = 0; f < FLIPS; f++) {
                String ip = ips.get(flips.nextInt(ips.size()));
                if (!notReady.remove(ip)) {
                    notReady.add(ip);
                }
            }
            ObjectNode current = session.cluster().store().get(ResourceTypes.ENDPOINTS, "default", "web");
            session.cluster().api().update(ResourceTypes.ENDPOINTS, endpoints(ips, notReady,
                    current.path("metadata").path("resourceVersion").asText()));
            session.advance(Duration.ofSeconds(1));
            double share = (double) PER_ROUND / (ips.size() - notReady.size());
            for (String ip : ips) {
                if (!notReady.contains(ip)) {
                    expected.merge(nameByIp.get(ip), share, Double::sum);
                }
            }
            Set<String> notReadyNames = new HashSet<>();
            notReady.forEach(ip -> notReadyNames.add(names.get(ip)));
            StringBuilder out = new StringBuilder();
            session.execute(loop, o -> out.append(PlainText.render(o)), Pacer.IMMEDIATE);
            for (String line : out.toString().split("\n")) {
                if (!line.startsWith("Welcome! ")) {
                    throw new IllegalStateException("unexpected answer: " + line);
                }
                String pod = line.substring("Welcome! ".length());
                hits.merge(pod, 1, Integer::sum);
                answers++;
                if (notReadyNames.contains(pod)) {
                    fromNotReady++;
                }
            }
        }
        double wall = span.wall();
        double cpu = span.cpu();
        double simulated = Duration.between(simStart, session.now()).toMillis() / 1000.0;

        // A fair draw gives each endpoint a Poisson-like count around what its ready rounds earn it:
        // the sum of squared standardized deviations over endpoints is then about their number.
        double chi = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            int h = hits.getOrDefault(e.getKey(), 0);
            chi += (h - e.getValue()) * (h - e.getValue()) / e.getValue();
            min = Math.min(min, h);
            max = Math.max(max, h);
        }
        System.out.printf("set-up, %,d pods ready, Service and Endpoints: %.3f s wall%n", PODS, setUpWall);
        System.out.printf("%,d in-pod requests (%d rounds, %d address flips each): %.3f s wall, %.3f s CPU, %,.0f requests per wall s,"
                + " %.0f simulated s%n", answers, ROUNDS, FLIPS, wall, cpu, answers / wall, simulated);
        System.out.printf("spread: %,d endpoints answered of %,d; hits per endpoint min %d, max %d, mean %.2f;"
                + " chi-square %.0f for %d endpoints (a fair draw gives about %d)%n",
                hits.size(), PODS, min, max, (double) answers / expected.size(), chi, expected.size(), expected.size());
        System.out.printf("answers from a not-ready address: %d%n", fromNotReady);
        System.out.printf("heap after GC, cluster alive: %d MiB%n", Measure.heapMiB(session));
    }

    private static Map<String, String> readyPods(Session session) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode pod : session.cluster().store().list(ResourceTypes.POD, "default")) {
            boolean ready = false;
            for (JsonNode c : pod.path("status").path("conditions")) {
                ready |= c.path("type").asText().equals("Ready") && c.path("status").asText().equals("True");
            }
            if (ready) {
                out.put(pod.path("status").path("podIP").asText(), Meta.name(pod));
            }
        }
        return out;
    }

    private static ObjectNode service() {
        ObjectNode s = Meta.JSON.objectNode();
        s.put("apiVersion", "v1");
        s.put("kind", "Service");
        s.putObject("metadata").put("name", "web").put("namespace", "default");
        ObjectNode spec = s.putObject("spec");
        spec.put("clusterIP", CLUSTER_IP);
        spec.putArray("ports").addObject().put("port", 80).put("targetPort", 8080);
        return s;
    }

    private static ObjectNode endpoints(List<String> ips, Set<String> notReady, String resourceVersion) {
        ObjectNode e = Meta.JSON.objectNode();
        e.put("apiVersion", "v1");
        e.put("kind", "Endpoints");
        ObjectNode meta = e.putObject("metadata").put("name", "web").put("namespace", "default");
        if (resourceVersion != null) {
            meta.put("resourceVersion", resourceVersion);
        }
        ObjectNode subset = e.putArray("subsets").addObject();
        ArrayNode ready = subset.putArray("addresses");
        ArrayNode unready = subset.putArray("notReadyAddresses");
        for (String ip : ips) {
            (notReady.contains(ip) ? unready : ready).addObject().put("ip", ip);
        }
        subset.putArray("ports").addObject().put("port", 8080);
        return e;
    }
}
