package kubetutor.engine.container;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ResourceQuantity;
import kubetutor.engine.container.sh.Memory;
import kubetutor.engine.container.sh.InteractiveShell;
import kubetutor.engine.container.sh.ShProcess;
import kubetutor.engine.container.sh.VirtualFs;
import kubetutor.engine.image.ImageCatalog;
import kubetutor.engine.image.ImageRef;
import kubetutor.engine.kubelet.ContainerRuntime;
import kubetutor.engine.kubelet.ExecResult;
import kubetutor.engine.kubelet.HttpResult;
import kubetutor.engine.kubelet.RuncErrors;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The simulated container runtime: what each container runs (the image catalog and Docker's
 * command rules), on the simulated clock, with per-container files and logs, and the pod network
 * that probes, wget and port-forwards reach. No host process, file or socket is ever used.
 */
public final class SimRuntime implements ContainerRuntime {
    private final Simulation sim;
    private final ImageCatalog catalog;
    private final Network network = new Network();
    private final Map<String, SimContainer> containers = new HashMap<>();
    private final Map<String, MainProcess> processes = new HashMap<>();
    /** Per pod uid and container name, the ids of its instances, oldest first (two are kept: current and previous). */
    private final Map<String, Map<String, List<String>>> instances = new HashMap<>();
    private final Map<Integer, String[]> forwards = new LinkedHashMap<>();
    private final Map<String, Memory> nodes = new HashMap<>();
    private Terminal attached;

    public SimRuntime(Simulation sim) {
        this(sim, ImageCatalog.standard());
    }

    public SimRuntime(Simulation sim, ImageCatalog catalog) {
        this.sim = sim;
        this.catalog = catalog;
    }

    @Override
    public Process start(PodContext pod, JsonNode spec, String containerId, ExitListener exits) throws StartError {
        Optional<ImageCatalog.Image> image = catalog.find(ImageRef.parse(spec.path("image").asText()));
        Memory memory = nodeMemory(pod.nodeName()).container(memoryLimit(spec));
        SimContainer c = new SimContainer(containerId, pod, spec, image, sim, network, memory);
        remember(c);
        MainProcess main = plan(c, image.orElse(null));
        processes.put(containerId, main);
        // The OOM killer's SIGKILL reaches the main process from the clock, never inside another's step.
        memory.onKill(() -> sim.after(Duration.ZERO, main::kill));
        main.start(exits);
        return main;
    }

    /**
     * What the containers of one node may hold between them: the simulated cluster lives in the
     * tutor's own memory, so a node gives its containers {@link #NODE_MEMORY}, however much memory
     * it reports (the README says so). A container's own limit applies below that.
     */
    private Memory nodeMemory(String node) {
        return nodes.computeIfAbsent(node == null ? "" : node, n -> Memory.node(NODE_MEMORY));
    }

    static final long NODE_MEMORY = 16L * 1024 * 1024;

    /** resources.limits.memory, as Quantity.Value() reads it; without one, what the node can give. */
    private static long memoryLimit(JsonNode spec) {
        JsonNode limit = spec.path("resources").path("limits").path("memory");
        if (!limit.isTextual() && !limit.isNumber()) {
            return Long.MAX_VALUE;
        }
        long bytes = ResourceQuantity.parseOrZero(limit.asText().trim()).value();
        return bytes > 0 ? bytes : Long.MAX_VALUE;
    }

    private void remember(SimContainer c) {
        containers.put(c.id, c);
        List<String> ids = instances.computeIfAbsent(c.pod.podUid(), k -> new HashMap<>())
                .computeIfAbsent(c.name, k -> new ArrayList<>());
        ids.add(c.id);
        while (ids.size() > 2) {
            String old = ids.remove(0);
            containers.remove(old);
            processes.remove(old);
        }
    }

    /**
     * Docker's rules: {@code command} replaces the entrypoint (and drops cmd), {@code args} replaces
     * cmd. The image's server runs when that is what argv starts; anything else is a shell program.
     */
    private MainProcess plan(SimContainer c, ImageCatalog.Image image) throws StartError {
        List<String> command = strings(c.spec.path("command"));
        List<String> args = strings(c.spec.path("args"));
        List<String> entrypoint = image == null ? List.of() : image.entrypoint();
        List<String> argv = new ArrayList<>(command.isEmpty() ? entrypoint : command);
        argv.addAll(!args.isEmpty() || !command.isEmpty() ? args : image == null ? List.of() : image.cmd());
        ImageCatalog.Server server = image == null ? null : image.server();
        List<String> effective = argv;
        if (command.isEmpty() && server != null && !entrypoint.isEmpty() && !server.startedBy(entrypoint.get(0))) {
            // An entrypoint script (docker-entrypoint.sh) that ends with exec "$@".
            effective = argv.subList(entrypoint.size(), argv.size());
        }
        if (server != null && !effective.isEmpty() && server.startedBy(effective.get(0))) {
            return new ServerMain(c, server);
        }
        if (effective.isEmpty()) {
            return new IdleMain(c, true);
        }
        if ((image == null || !image.shell()) && !ShProcess.isExecutable(effective.get(0), c.fs())) {
            // A program of its own (kube-proxy, coredns, etcd): not simulated beyond running until stopped.
            return new IdleMain(c, true);
        }
        List<String> run = c.hasBash() ? withShell(effective) : effective;
        if (!ShProcess.isExecutable(run.get(0), c.fs())) {
            throw new StartError(RuncErrors.startFailed(effective.get(0)));
        }
        boolean interactiveShell = isShell(run.get(0)) && run.size() == 1;
        if (interactiveShell && c.spec.path("stdin").asBoolean(false)) {
            return new IdleMain(c, false);
        }
        return new ShellMain(c, run);
    }

    private static boolean isShell(String argv0) {
        String base = argv0.substring(argv0.lastIndexOf('/') + 1);
        return base.equals("sh") || base.equals("ash");
    }

    /** bash is not in busybox images; where the catalog says bash (ubuntu), its sh stands in. */
    static String shellName(String argv0) {
        return argv0.equals("bash") || argv0.equals("/bin/bash") ? "sh" : argv0;
    }

    static List<String> withShell(List<String> argv) {
        String first = shellName(argv.get(0));
        if (first.equals(argv.get(0))) {
            return argv;
        }
        List<String> out = new ArrayList<>(argv);
        out.set(0, first);
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(a -> out.add(a.asText()));
        return out;
    }

    @Override
    public Optional<List<LogLine>> logs(String containerId) {
        SimContainer c = containers.get(containerId);
        return c == null ? Optional.empty() : Optional.of(c.log.lines());
    }

    @Override
    public HttpResult httpGet(String ip, int port, String path, String userAgent) {
        return network.get(ip, port, path, nodeSideIp(ip), userAgent);
    }

    @Override
    public boolean tcpOpen(String ip, int port) {
        return network.open(ip, port);
    }

    @Override
    public Optional<ExecResult> exec(String containerId, List<String> argv, Duration timeout) {
        MainProcess p = processes.get(containerId);
        if (p == null || p.ended()) {
            return Optional.empty();
        }
        return Optional.of(p.exec(argv, timeout));
    }

    /**
     * {@code kubectl exec POD -- CMD} without a terminal: the command runs on the engine's clock,
     * its output streamed as printed, each sleep letting the cluster move on through {@code clock}.
     * Empty when the container does not run.
     */
    public Optional<ShProcess.Streamed> execStreaming(String containerId, List<String> argv, Consumer<String> out,
                                                      Consumer<String> err, Duration timeout, ShProcess.Clock clock) {
        MainProcess p = processes.get(containerId);
        if (p == null || p.ended()) {
            return Optional.empty();
        }
        List<String> run = p.container.hasBash() ? withShell(argv) : argv;
        if (!ShProcess.isExecutable(run.get(0), p.container.fs())) {
            return Optional.of(new ShProcess.Streamed(ShProcess.StreamEnd.NOT_FOUND, 126));
        }
        return Optional.of(ShProcess.runStreaming(run, new TerminalHost(p.container, out, err), timeout, clock,
                () -> !p.ended()));
    }

    /**
     * A command started in a running container for a caller that paces it itself (serve's exec,
     * resumed as the clock reaches each sleep). Empty when the container does not run; a process
     * that exits at once with 126 and containerd's message when the command is not there.
     */
    public Optional<ShProcess> startExec(String containerId, List<String> argv, Consumer<String> out, Consumer<String> err) {
        MainProcess p = processes.get(containerId);
        if (p == null || p.ended()) {
            return Optional.empty();
        }
        List<String> run = p.container.hasBash() ? withShell(argv) : argv;
        return Optional.of(ShProcess.exec(run, new TerminalHost(p.container, out, err)));
    }

    /** Whether {@code argv0} is a program the running container has (containerd refuses the exec otherwise). */
    public boolean executable(String containerId, String argv0) {
        MainProcess p = processes.get(containerId);
        return p != null && ShProcess.isExecutable(p.container.hasBash() ? withShell(List.of(argv0)).get(0) : argv0,
                p.container.fs());
    }

    /** Whether the container's main process still runs. */
    public boolean running(String containerId) {
        MainProcess p = processes.get(containerId);
        return p != null && !p.ended();
    }

    /** An interactive shell in a running container ({@code kubectl exec -it ... sh}), printing to {@code out}. */
    public Optional<InteractiveShell> openShell(String containerId, Consumer<String> out) {
        MainProcess p = processes.get(containerId);
        if (p == null || p.ended()) {
            return Optional.empty();
        }
        return Optional.of(InteractiveShell.open(new TerminalHost(p.container, out)));
    }

    /** {@code tar cf - PATH} in a running container (kubectl cp from it); empty when it does not run. */
    public Optional<ContainerTar.Archive> tarCreate(String containerId, String path) {
        MainProcess p = processes.get(containerId);
        return p == null || p.ended() ? Optional.empty() : Optional.of(ContainerTar.create(p.container.fs(), path));
    }

    /** {@code tar -xmf - -C DIR} in a running container (kubectl cp into it); empty when it does not run. */
    public Optional<ContainerTar.Extracted> tarExtract(String containerId, String dir, List<ContainerTar.Member> members) {
        MainProcess p = processes.get(containerId);
        return p == null || p.ended() ? Optional.empty()
                : Optional.of(ContainerTar.extract(p.container.fs(), dir, members, sim.now()));
    }

    /** {@code test -d PATH} in a running container. */
    public boolean isDirectory(String containerId, String path) {
        MainProcess p = processes.get(containerId);
        return p != null && !p.ended() && p.container.fs().isDirectory(VirtualFs.resolve("/", path));
    }

    /**
     * Whether the container's main process is a shell reading its open standard input (started with
     * {@code stdin: true}, as {@code kubectl run -it} makes it): what {@code kubectl attach -i} talks to.
     */
    public boolean readsStdin(String containerId) {
        return processes.get(containerId) instanceof IdleMain idle && idle.readsStdin() && !idle.ended();
    }

    @Override
    public void stdinClosed(String containerId, int exitCode) {
        MainProcess p = processes.get(containerId);
        if (p instanceof IdleMain idle) {
            idle.finish(exitCode);
        }
    }

    @Override
    public void forward(int localPort, String podIp, int port) {
        forwards.put(localPort, new String[] {podIp, Integer.toString(port)});
    }

    @Override
    public void stopForward(int localPort) {
        forwards.remove(localPort);
    }

    @Override
    public Optional<HttpResult> viaForward(int localPort, String path, String userAgent) {
        String[] f = forwards.get(localPort);
        if (f == null) {
            return Optional.empty();
        }
        // The kubelet's port-forward connects from inside the pod's network namespace: localhost.
        return Optional.of(network.get(f[0], Integer.parseInt(f[1]), path, "127.0.0.1", userAgent));
    }

    /** A GET from inside a pod's network namespace to its own port, as the kubelet's port-forward connects. */
    public HttpResult fromInsidePod(String podIp, int port, String path, String userAgent) {
        return network.get(podIp, port, path, "127.0.0.1", userAgent);
    }

    /** The cluster's DNS and kube-proxy, once the API objects they read exist. */
    public void services(ServiceNetwork services) {
        network.services(services);
    }

    /** A GET from the learner's machine, outside the cluster: a NodePort answers, a pod or Service IP does not. */
    public HttpResult httpFromOutside(String ip, int port, String path, String userAgent) {
        return network.connectFromOutside(ip, port, path, ServiceNetwork.OUTSIDE_IP, userAgent);
    }

    /** kubectl hands the session a terminal to attach to (exec -it, run -it). */
    public void attach(Terminal terminal) {
        this.attached = terminal;
    }

    /** The terminal the last command asked to attach, once. */
    public Terminal takeAttached() {
        Terminal t = attached;
        attached = null;
        return t;
    }

    @Override
    public void removePod(String podUid) {
        Map<String, List<String>> byName = instances.remove(podUid);
        if (byName == null) {
            return;
        }
        byName.values().forEach(ids -> ids.forEach(id -> {
            containers.remove(id);
            processes.remove(id);
        }));
    }

    /** Probes come from the node: the source address is the node's side of the pod network, x.x.x.1. */
    private static String nodeSideIp(String ip) {
        int dot = ip.lastIndexOf('.');
        return dot < 0 ? ip : ip.substring(0, dot) + ".1";
    }

}
