package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.container.SimRuntime;
import kubetutor.engine.container.Terminal;
import kubetutor.engine.kubectl.Durations;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.output.Output;

import java.util.List;
import java.util.Optional;

/**
 * kubectl attach: the running container's output from now on, as its main process writes it
 * (not the log so far: that is kubectl logs). With -i on a terminal, a shell started with
 * {@code kubectl run -it} becomes the session's terminal again. A container started without a TTY
 * cannot give one (kubectl/pkg/cmd/attach/attach.go, v1.32).
 */
public final class AttachVerb implements Verb {
    private static final CommandSpec SPEC = CommandSpec.of("attach", "Attach to a running container", List.of(
            FlagSpec.value("container", "c", ValueKind.TEXT, "", "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen"),
            PodForObject.Purpose.ATTACH.timeoutFlag(),
            FlagSpec.bool("quiet", "q", "Only print output from the remote session"),
            FlagSpec.bool("stdin", "i", "Pass stdin to the container"),
            FlagSpec.bool("tty", "t", "Stdin is a TTY")),
            ValueKind.POD);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        List<String> args = inv.args().positional();
        if (args.isEmpty()) {
            throw new UsageException("error: at least 1 argument is required for attach");
        }
        if (args.size() > 2) {
            throw new UsageException("error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw "
                    + args.size() + ": [" + String.join(" ", args) + "]");
        }
        if (Durations.parse(inv.args().get("pod-running-timeout", "1m0s")).isZero()) {
            throw new UsageException("error: --pod-running-timeout must be higher than zero");
        }
        String target = args.size() == 2 ? args.get(0) + "/" + args.get(1) : args.get(0);
        String containerFlag = inv.args().get("container");
        PodTarget t;
        try {
            t = PodTarget.resolve(inv, target, containerFlag, PodForObject.Purpose.ATTACH);
        } catch (kubetutor.engine.api.ApiException e) {
            if (e.reason() != kubetutor.engine.api.ApiException.Reason.BadRequest || containerFlag == null) {
                throw e;
            }
            // podcmd.FindOrDefaultContainerByName, checked by kubectl itself before it dials the kubelet
            PodTarget pod = PodTarget.resolve(inv, target, null, PodForObject.Purpose.ATTACH);
            throw new UsageException("error: cannot attach to the container: container " + containerFlag
                    + " not found in pod " + pod.podName());
        }
        if (t.phase().equals("Succeeded") || t.phase().equals("Failed")) {
            throw new UsageException("error: cannot attach a container in a completed pod; current phase is " + t.phase());
        }
        boolean quiet = inv.args().bool("quiet");
        JsonNode container = container(t);
        if (inv.args().bool("tty") && !container.path("tty").asBoolean(false) && !quiet) {
            inv.err("error: Unable to use a TTY - container " + t.container() + " did not allocate one");
        }
        KubeletDial.forStream(inv, t.pod());
        String id = t.runningId();
        if (id.isEmpty()) {
            throw new UsageException("error: unable to upgrade connection: container " + t.container()
                    + " not found in pod " + t.podName() + "_" + kubetutor.engine.api.Meta.namespace(t.pod()));
        }
        boolean stdin = inv.args().bool("stdin");
        // a container started with a TTY forces one (kubectl attach's Run); -t alone cannot add it
        boolean raw = stdin && container.path("tty").asBoolean(false) && inv.useTty(true, true);
        if (!quiet) {
            inv.warn("If you don't see a command prompt, try pressing enter.");
        }
        if (stdin && inv.cluster().runtime() instanceof SimRuntime sim && sim.readsStdin(id)) {
            if (!raw) {
                sim.stdinClosed(id, 0); // the session's input ends at once: the shell reads its end and exits
                return 0;
            }
            boolean always = t.pod().path("spec").path("restartPolicy").asText("Always").equals("Always");
            String pod = t.podName();
            String name = t.container();
            Optional<Terminal> opened = Terminal.open(sim, id, status -> {
                sim.stdinClosed(id, status);
                return always && !quiet ? List.of(sessionEnded(pod, name)) : List.of();
            });
            if (opened.isPresent()) {
                sim.attach(opened.get());
                return 0;
            }
        }
        int seen = inv.cluster().runtime().logs(id).orElse(List.of()).size();
        LogsVerb.follow(inv, id, seen, false);
        return 0;
    }

    /**
     * What kubectl prints when an attached terminal's session ends and the kubelet will start the
     * container again (restartPolicy Always), so the learner can come back to the new shell.
     */
    static Output sessionEnded(String pod, String container) {
        return Output.Text.message("Session ended, resume using 'kubectl attach " + pod + " -c " + container
                + " -i -t' command when the pod is running");
    }

    private static JsonNode container(PodTarget t) {
        for (JsonNode c : t.pod().path("spec").path("containers")) {
            if (c.path("name").asText().equals(t.container())) {
                return c;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
