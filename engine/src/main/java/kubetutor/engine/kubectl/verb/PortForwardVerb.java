package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.ResourceArgs;
import kubetutor.engine.kubectl.Verb;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * kubectl port-forward, simulated: no host port is opened. It prints kubectl's lines and holds the
 * terminal as kubectl does, until Ctrl-C; then the ports close. Run with a trailing {@code &} it
 * holds nothing and its ports stay open, so that {@code curl localhost:PORT} at the tutor prompt
 * reaches the pod through it. Batch mode has no Ctrl-C: there it ends after {@link #BATCH_HOLD}
 * of simulated time, as a bounded watch does.
 */
public final class PortForwardVerb implements Verb {
    private static final CommandSpec SPEC = CommandSpec.of("port-forward", "Forward one or more local ports to a pod", List.of(
            FlagSpec.many("address", null, ValueKind.TEXT, "Addresses to listen on (comma separated).").withDefault("[localhost]"),
            PodForObject.Purpose.ATTACH.timeoutFlag()),
            ValueKind.POD, ValueKind.TEXT);

    static final Duration BATCH_HOLD = Duration.ofMinutes(1);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        List<String> pos = inv.args().positional();
        if (pos.size() < 2) {
            throw new UsageException("error: TYPE/NAME and list of ports are required for port-forward\n"
                    + "See 'kubectl port-forward -h' for help and examples");
        }
        String target = pos.get(0);
        JsonNode pod = PodForObject.resolve(inv, target, PodForObject.Purpose.ATTACH);
        int slash = target.indexOf('/');
        JsonNode service = slash >= 0 && ResourceArgs.type(target.substring(0, slash)) == ResourceTypes.SERVICE
                ? inv.cluster().api().get(ResourceTypes.SERVICE, inv.namespace(), target.substring(slash + 1))
                : null;
        String phase = pod.path("status").path("phase").asText("Pending");
        if (!phase.equals("Running")) {
            throw new UsageException("error: unable to forward port because pod is not running. Current status=" + phase);
        }
        KubeletDial.forPortForward(inv, pod);
        String podIp = pod.path("status").path("podIP").asText();
        StringBuilder out = new StringBuilder();
        List<Integer> opened = new java.util.ArrayList<>();
        for (String spec : pos.subList(1, pos.size())) {
            String[] parts = spec.split(":", -1);
            String local = parts[0];
            String remote = parts.length > 1 ? parts[1] : parts[0];
            int remotePort = service != null ? targetPort(service, pod, remote) : number(remote);
            int localPort = local.isEmpty() ? 40000 + (int) (inv.cluster().rng().fork("kubectl/port-forward").nextDouble() * 20000) : number(local);
            inv.cluster().runtime().forward(localPort, podIp, remotePort);
            opened.add(localPort);
            out.append("Forwarding from 127.0.0.1:").append(localPort).append(" -> ").append(remotePort).append('\n');
            out.append("Forwarding from [::1]:").append(localPort).append(" -> ").append(remotePort).append('\n');
        }
        inv.sink().emit(new kubetutor.engine.output.Output.Text(out.toString(), kubetutor.engine.output.Output.TextKind.MESSAGE));
        Instant limit = inv.pacer().followsWallClock() ? Instant.MAX : inv.now().plus(BATCH_HOLD);
        if (inv.runUntil(() -> false, limit)) {
            opened.forEach(inv.cluster().runtime()::stopForward); // the batch bound: kubectl would still run
            return 0;
        }
        if (!inv.background()) {
            opened.forEach(inv.cluster().runtime()::stopForward); // Ctrl-C ends kubectl, and its listeners with it
        }
        return 0;
    }

    private static int number(String port) {
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new UsageException("error: Error parsing local port '" + port + "': strconv.ParseUint: parsing \"" + port
                    + "\": invalid syntax");
        }
    }

    /** The service port's targetPort, by number or by a container port's name. */
    private static int targetPort(JsonNode service, JsonNode pod, String servicePort) {
        for (JsonNode p : service.path("spec").path("ports")) {
            if (p.path("port").asText().equals(servicePort)) {
                JsonNode target = p.path("targetPort");
                if (target.isMissingNode() || target.isNumber() || target.asText().matches("\\d+")) {
                    return target.isMissingNode() ? p.path("port").asInt() : target.asInt();
                }
                for (JsonNode c : pod.path("spec").path("containers")) {
                    for (JsonNode cp : c.path("ports")) {
                        if (cp.path("name").asText().equals(target.asText())) {
                            return cp.path("containerPort").asInt();
                        }
                    }
                }
            }
        }
        throw new UsageException("error: Service " + Meta.name(service) + " does not have a service port " + servicePort);
    }
}
