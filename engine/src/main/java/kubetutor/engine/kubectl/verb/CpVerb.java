package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.container.ContainerTar;
import kubetutor.engine.container.SimRuntime;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.output.Output;
import kubetutor.engine.workspace.Entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * kubectl cp (kubectl/pkg/cmd/cp/cp.go, v1.32): tar run in the container through exec. Out of a
 * pod, {@code tar cf - PATH}, whose stderr kubectl shows on its standard output, unpacked into the
 * workspace (the tar's top name stripped, so the copy takes the destination's name); into a pod,
 * the local file or tree packed under the destination's name and {@code tar -xmf - -C DIR}. The
 * workspace is the local file system: local paths, absolute ones too, never leave it.
 */
public final class CpVerb implements Verb {
    private static final CommandSpec SPEC = CommandSpec.of("cp", "Copy files and directories to and from containers", List.of(
            FlagSpec.value("container", "c", ValueKind.TEXT, "", "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen"),
            FlagSpec.bool("no-preserve", null, "The copied file/directory's ownership and permissions will not be preserved in the container"),
            FlagSpec.value("retries", null, ValueKind.INT32, "0", "Set number of retries to complete a copy operation from a container. Specify 0 to disable or any negative value for infinite retrying. The default is 0 (no retry).")),
            ValueKind.POD);
    private static final String BAD_SPEC = "error: filespec must match the canonical format: [[namespace/]pod:]file/path";

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    /** A cp operand: a remote one names a pod (and maybe its namespace) before the colon. */
    private record FileSpec(String namespace, String pod, String file) {
        boolean remote() {
            return !pod.isEmpty();
        }

        static FileSpec parse(String arg) {
            int colon = arg.indexOf(':');
            if (colon == 0) {
                throw new UsageException(BAD_SPEC);
            }
            if (colon < 0) {
                return new FileSpec("", "", arg);
            }
            String[] pieces = arg.substring(0, colon).split("/", -1);
            String file = arg.substring(colon + 1);
            return switch (pieces.length) {
                case 1 -> new FileSpec("", pieces[0], file);
                case 2 -> new FileSpec(pieces[0], pieces[1], file);
                default -> throw new UsageException(BAD_SPEC);
            };
        }
    }

    @Override
    public int run(Invocation inv) {
        List<String> args = inv.args().positional();
        if (args.size() != 2) {
            throw new UsageException("error: source and destination are required");
        }
        FileSpec src = FileSpec.parse(args.get(0));
        FileSpec dest = FileSpec.parse(args.get(1));
        if (src.remote() && dest.remote()) {
            throw new UsageException("error: one of src or dest must be a local file specification");
        }
        if (src.file().isEmpty() || dest.file().isEmpty()) {
            throw new UsageException("error: filepath can not be empty");
        }
        if (src.remote()) {
            return fromPod(inv, src, dest.file());
        }
        if (dest.remote()) {
            return toPod(inv, src.file(), dest);
        }
        throw new UsageException("error: one of src or dest must be a remote file specification");
    }

    private static int fromPod(Invocation inv, FileSpec src, String dest) {
        String id = runningContainer(inv, src);
        ContainerTar.Archive archive = sim(inv).tarCreate(id, src.file()).orElseThrow(() -> notFound(inv, src));
        if (!archive.stderr().isEmpty()) {
            inv.sink().emit(new Output.Text(archive.stderr(), Output.TextKind.MESSAGE)); // the exec's stderr goes to kubectl's stdout
        }
        if (archive.exitCode() != 0) {
            inv.sink().emit(Output.Error.of("command terminated with exit code " + archive.exitCode()));
            return archive.exitCode();
        }
        String prefix = archive.members().get(0).name().replaceAll("/+$", "");
        for (ContainerTar.Member m : archive.members()) {
            String rest = m.name().substring(Math.min(prefix.length(), m.name().length())).replaceAll("/+$", "");
            String target = rest.isEmpty() ? dest : dest.replaceAll("/+$", "") + rest;
            Optional<String> failed = m.directory() ? inv.workspace().makeDirectories(target)
                    : parentOf(target).flatMap(inv.workspace()::makeDirectories).or(() -> inv.workspace().writeFile(target, m.text()));
            if (failed.isPresent()) {
                throw new UsageException("error: " + failed.get());
            }
        }
        return 0;
    }

    private static Optional<String> parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? Optional.empty() : Optional.of(path.substring(0, slash));
    }

    private static int toPod(Invocation inv, String src, FileSpec dest) {
        Entry local = inv.workspace().look(src);
        if (!(local instanceof Entry.File) && !(local instanceof Entry.Directory)) {
            throw new UsageException("error: " + src + " doesn't exist in local filesystem");
        }
        String target = dest.file();
        String id = runningContainer(inv, dest);
        if (sim(inv).isDirectory(id, target)) {
            target = target.replaceAll("/+$", "") + "/" + baseName(src);
        }
        String trimmed = target.replaceAll("/+$", "");
        int slash = trimmed.lastIndexOf('/');
        String dir = slash < 0 ? "" : slash == 0 ? "/" : trimmed.substring(0, slash);
        List<ContainerTar.Member> members = new ArrayList<>();
        pack(inv, src, local, trimmed.substring(slash + 1), members);
        ContainerTar.Extracted r = sim(inv).tarExtract(id, dir, members).orElseThrow(() -> notFound(inv, dest));
        if (!r.stderr().isEmpty()) {
            inv.sink().emit(new Output.Error(r.stderr(), false));
        }
        if (r.exitCode() != 0) {
            inv.sink().emit(Output.Error.of("command terminated with exit code " + r.exitCode()));
        }
        return r.exitCode();
    }

    /** kubectl's makeTar: the local file or tree under the destination's base name. */
    private static void pack(Invocation inv, String path, Entry entry, String name, List<ContainerTar.Member> into) {
        if (entry instanceof Entry.File f) {
            into.add(new ContainerTar.Member(name, false, f.text()));
        } else if (entry instanceof Entry.Directory d) {
            into.add(new ContainerTar.Member(name + "/", true, ""));
            for (String child : d.names()) {
                String childPath = path.replaceAll("/+$", "") + "/" + child;
                pack(inv, childPath, inv.workspace().look(childPath), name + "/" + child, into);
            }
        }
    }

    private static String baseName(String path) {
        String p = path.replaceAll("/+$", "");
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** The exec's target: the pod (in the spec's namespace or the context's), its container, running. */
    private static String runningContainer(Invocation inv, FileSpec spec) {
        String ns = spec.namespace().isEmpty() ? inv.namespace() : spec.namespace();
        JsonNode pod = inv.cluster().api().get(ResourceTypes.POD, ns, spec.pod());
        String flag = inv.args().get("container");
        PodTarget t = PodTarget.of(inv, pod, flag);
        if (t.phase().equals("Succeeded") || t.phase().equals("Failed")) {
            throw new UsageException("error: cannot exec into a container in a completed pod; current phase is " + t.phase());
        }
        KubeletDial.forStream(inv, t.pod());
        if (t.runningId().isEmpty()) {
            throw notFound(inv, spec);
        }
        return t.runningId();
    }

    private static UsageException notFound(Invocation inv, FileSpec spec) {
        String container = inv.args().get("container");
        return new UsageException("error: unable to upgrade connection: container not found (\""
                + (container == null || container.isEmpty() ? spec.pod() : container) + "\")");
    }

    private static SimRuntime sim(Invocation inv) {
        if (inv.cluster().runtime() instanceof SimRuntime sim) {
            return sim;
        }
        throw new UsageException("error: kubectl cp needs the simulated container runtime");
    }
}
