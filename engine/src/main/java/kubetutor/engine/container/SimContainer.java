package kubetutor.engine.container;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.container.sh.DnsQuery;
import kubetutor.engine.container.sh.DnsReply;
import kubetutor.engine.container.sh.Memory;
import kubetutor.engine.container.sh.ProcessHost;
import kubetutor.engine.container.sh.VirtualFs;
import kubetutor.engine.image.ImageCatalog;
import kubetutor.engine.image.ImageRef;
import kubetutor.engine.kubelet.ContainerRuntime.PodContext;
import kubetutor.engine.kubelet.HttpResult;
import kubetutor.engine.sim.Simulation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One container instance (a restart makes a new one): its own file system, environment, log, and
 * the pod's network identity. It is the {@link ProcessHost} of every process that runs in it.
 */
final class SimContainer implements ProcessHost {
    final String id;
    final String name;
    final PodContext pod;
    final JsonNode spec;
    final ImageRef ref;
    final Optional<ImageCatalog.Image> image;
    final ContainerLog log = new ContainerLog();
    private final Simulation sim;
    private final Network network;
    /** Built when first used: most containers of a big cluster are never looked into. */
    private VirtualFs fs;
    private final Instant created;
    private final String ipAtStart;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Memory memory;

    SimContainer(String id, PodContext pod, JsonNode spec, Optional<ImageCatalog.Image> image, Simulation sim,
                 Network network, Memory memory) {
        this.id = id;
        this.name = spec.path("name").asText();
        this.pod = pod;
        this.spec = spec;
        this.ref = ImageRef.parse(spec.path("image").asText());
        this.image = image;
        this.sim = sim;
        this.network = network;
        this.memory = memory;
        this.created = sim.now();
        this.ipAtStart = pod.podIp();
        // The variables the kubelet gives every container for the default namespace's kubernetes service.
        env.put("KUBERNETES_SERVICE_PORT", "443");
        env.put("KUBERNETES_SERVICE_PORT_HTTPS", "443");
        env.put("KUBERNETES_PORT", "tcp://10.96.0.1:443");
        env.put("KUBERNETES_PORT_443_TCP", "tcp://10.96.0.1:443");
        env.put("KUBERNETES_PORT_443_TCP_PROTO", "tcp");
        env.put("KUBERNETES_PORT_443_TCP_PORT", "443");
        env.put("KUBERNETES_PORT_443_TCP_ADDR", "10.96.0.1");
        env.put("KUBERNETES_SERVICE_HOST", "10.96.0.1");
        env.put("HOSTNAME", pod.hostname());
        for (JsonNode e : spec.path("env")) {
            if (e.has("value") || !e.has("valueFrom")) {
                env.put(e.path("name").asText(), e.path("value").asText(""));
            } else if (e.path("valueFrom").has("fieldRef")) {
                env.put(e.path("name").asText(), fieldRef(e.path("valueFrom").path("fieldRef").path("fieldPath").asText()));
            }
        }
    }

    private String fieldRef(String path) {
        return switch (path) {
            case "metadata.name" -> pod.podName();
            case "metadata.namespace" -> pod.namespace();
            case "metadata.uid" -> pod.podUid();
            case "spec.nodeName" -> pod.nodeName();
            case "status.podIP" -> pod.podIp() == null ? "" : pod.podIp();
            default -> "";
        };
    }

    /** Images whose shell is bash (ubuntu); the sh interpreter stands in for it. */
    boolean hasBash() {
        return image.map(i -> i.cmd().contains("/bin/bash")).orElse(false);
    }

    Simulation sim() {
        return sim;
    }

    Network network() {
        return network;
    }

    @Override
    public VirtualFs fs() {
        if (fs == null) {
            fs = VirtualFs.standard(pod.hostname(), created);
            image.ifPresent(i -> i.files().forEach((path, text) -> {
                fs.mkdirs(path.substring(0, Math.max(1, path.lastIndexOf('/'))), created);
                fs.write(path, text, created);
            }));
            if (ipAtStart != null && !pod.podSpec().path("hostNetwork").asBoolean(false)) {
                fs.write("/etc/hosts", KubeletFiles.hosts(ipAtStart, pod), created);
            }
            fs.write("/etc/resolv.conf", KubeletFiles.resolvConf(pod), created);
            fs.holdIn(memory);
        }
        return fs;
    }

    @Override
    public Memory memory() {
        return memory;
    }

    /**
     * The container has stopped: its writable layer goes, and with it what the tutor held for it.
     * (The runtime keeps the previous instance for kubectl logs -p, which reads only its log.)
     */
    void dropFiles() {
        fs = null;
    }

    @Override
    public Map<String, String> env() {
        return env;
    }

    @Override
    public String hostname() {
        return pod.hostname();
    }

    @Override
    public Instant now() {
        return sim.now();
    }

    @Override
    public void stdout(String text) {
        log.write(sim.now(), false, text);
    }

    @Override
    public void stderr(String text) {
        log.write(sim.now(), true, text);
    }

    /** wget and curl inside the container: 127.0.0.1 is the pod itself; anything else goes through kube-proxy's rules. */
    @Override
    public HttpResult http(String ip, int port, String path, String userAgent) {
        if (ip.equals("127.0.0.1")) {
            return network.get(pod.podIp(), port, path, "127.0.0.1", userAgent);
        }
        return network.connect(ip, port, path, pod.podIp(), userAgent);
    }

    @Override
    public Optional<DnsReply> dns(String server, DnsQuery query) {
        return network.services().dns(server, query);
    }
}
