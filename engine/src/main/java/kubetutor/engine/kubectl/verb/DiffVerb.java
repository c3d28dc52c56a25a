package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.ApplyMerge;
import kubetutor.engine.kubectl.Formats;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Manifests;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.kubectl.diff.UnifiedDiff;
import kubetutor.engine.output.Output;
import kubetutor.engine.sim.Rng;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * kubectl diff -f: each object as it is live and as a server-side dry run of apply would leave it,
 * written to a LIVE and a MERGED directory and compared with "diff -u -N"; status 1 when anything
 * differs, 0 when nothing does, above 1 on an error (kubectl/pkg/cmd/diff/diff.go).
 */
public final class DiffVerb implements Verb {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** GNU diff's file times in unified headers; the files are written as kubectl diff runs. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS Z")
            .withZone(ZoneOffset.UTC);
    private static final CommandSpec SPEC = CommandSpec.of("diff", "Diff the live version against a would-be applied version",
            List.of(FlagSpec.value("concurrency", null, ValueKind.TEXT, "1", "Number of objects to process in parallel."),
                    FlagSpec.value("field-manager", null, ValueKind.TEXT, "kubectl-client-side-apply", "Name of the manager."),
                    FlagSpec.many("filename", "f", ValueKind.FILE, "Filename, directory, or URL to files contains the configuration to diff"),
                    FlagSpec.bool("force-conflicts", null, "If true, server-side apply will force the changes against conflicts."),
                    FlagSpec.value("kustomize", "k", ValueKind.FILE, "", "Process the kustomization directory."),
                    FlagSpec.bool("prune", null, "Include resources that would be deleted by pruning."),
                    FlagSpec.many("prune-allowlist", null, ValueKind.TEXT, "Overwrite the default allowlist with <group/version/kind> for --prune"),
                    FlagSpec.bool("recursive", "R", "Process the directory used in -f, --filename recursively."),
                    FlagSpec.value("selector", "l", ValueKind.LABEL_SELECTOR, "", "Selector (label query) to filter on."),
                    FlagSpec.bool("server-side", null, "If true, apply runs in the server instead of the client."),
                    FlagSpec.bool("show-managed-fields", null, "If true, include managed fields in the diff.")));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        if (inv.args().all("filename").isEmpty() && inv.args().get("kustomize", "").isEmpty()) {
            // CheckDiffErr: kubectl diff's own errors exit with 2, since 1 means "different"
            throw new UsageException("error: must specify one of -f and -k", 2);
        }
        for (String unsimulated : List.of("kustomize", "server-side", "prune")) {
            if (inv.args().has(unsimulated)) {
                throw new UsageException("error: kubetutor does not simulate \"kubectl diff --" + unsimulated + "\"", 2);
            }
        }
        // os.MkdirTemp("", "LIVE-"): a random uint32 in decimal, here from the session's seed
        Rng rng = inv.cluster().rng().fork("kubectl/diff@" + inv.now());
        String live = "/tmp/LIVE-" + Integer.toUnsignedString((int) rng.nextLong());
        String merged = "/tmp/MERGED-" + Integer.toUnsignedString((int) rng.nextLong());
        String stamp = STAMP.format(inv.now());
        StringBuilder out = new StringBuilder();
        for (Manifests.Doc doc : Manifests.read(inv)) {
            if (doc.error() != null) {
                throw new UsageException("error: " + doc.error(), 2);
            }
            ResourceType type = ObjectWrites.typeOf(doc);
            ObjectNode desired = ObjectWrites.withNamespace(type, doc.object(), inv);
            ObjectNode current = inv.cluster().store().get(type, Meta.namespace(desired), Meta.name(desired));
            ObjectNode after = dryRunApply(inv, type, desired, current, doc.source());
            String before = current == null ? "" : Formats.yaml(current);
            String afterText = Formats.yaml(after);
            String hunks = UnifiedDiff.hunks(lines(before), lines(afterText));
            if (hunks.isEmpty()) {
                continue;
            }
            String file = fileName(type, desired);
            // diff -N: a file missing on one side is compared as empty and dated at the epoch
            String liveStamp = current == null ? STAMP.format(Instant.EPOCH) : stamp;
            out.append("diff -u -N ").append(live).append('/').append(file).append(' ').append(merged).append('/')
                    .append(file).append('\n');
            out.append("--- ").append(live).append('/').append(file).append('\t').append(liveStamp).append('\n');
            out.append("+++ ").append(merged).append('/').append(file).append('\t').append(stamp).append('\n');
            out.append(hunks);
        }
        if (out.isEmpty()) {
            return 0;
        }
        inv.sink().emit(new Output.Text(out.toString(), Output.TextKind.MESSAGE));
        return 1;
    }

    /** The object as apply's patch, sent with dryRun=All, would leave it (or create it). */
    private static ObjectNode dryRunApply(Invocation inv, ResourceType type, ObjectNode desired, ObjectNode current,
                                          String source) {
        ObjectNode applied = desired.deepCopy();
        ObjectWrites.setLastApplied(applied);
        try {
            if (current == null) {
                return inv.cluster().api().create(type, applied, true);
            }
            String lastText = Meta.annotations(current).get(ObjectWrites.LAST_APPLIED);
            JsonNode last = lastText == null ? null : MAPPER.readTree(lastText);
            ObjectNode merged = ApplyMerge.merge(last, applied, current.deepCopy());
            if (merged.equals(current)) {
                return current;
            }
            return inv.cluster().api().update(type, merged, true);
        } catch (ApiException e) {
            throw new UsageException(ObjectWrites.serverError(e, "patching", source), 2);
        } catch (IOException e) {
            throw new UsageException("error: " + e.getMessage(), 2);
        }
    }

    /** InfoObject.Name: group (when there is one), version, kind, namespace and name, dot-joined. */
    private static String fileName(ResourceType type, ObjectNode obj) {
        String group = type.group().isEmpty() ? "" : type.group() + ".";
        return group + type.version() + "." + type.kind() + "." + Meta.namespace(obj) + "." + Meta.name(obj);
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        return List.of(text.substring(0, text.length() - (text.endsWith("\n") ? 1 : 0)).split("\n", -1));
    }
}
