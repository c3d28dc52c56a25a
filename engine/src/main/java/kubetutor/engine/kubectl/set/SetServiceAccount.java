package kubetutor.engine.kubectl.set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.Aggregate;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Manifests;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.Record;
import kubetutor.engine.kubectl.Targets;

import java.util.ArrayList;
import java.util.List;

/**
 * kubectl set serviceaccount (set_serviceaccount.go): the last word names the service account, the
 * words before it the objects; each pod spec gets it as serviceAccountName. Unlike set image, an
 * object it leaves as it was is still sent and reported as updated. With --local only the files
 * count (the words naming objects are passed over) and nothing reaches the server.
 */
final class SetServiceAccount {
    private SetServiceAccount() {}

    static int run(Invocation inv, List<String> args) {
        DryRun dryRun = DryRun.of(inv);
        boolean local = inv.args().bool("local");
        if (local && dryRun == DryRun.SERVER) {
            throw new UsageException("error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?");
        }
        if (args.isEmpty()) {
            throw new UsageException("error: serviceaccount is required");
        }
        String account = args.get(args.size() - 1);
        List<String> resources = args.subList(0, args.size() - 1);
        boolean files = !inv.args().all("filename").isEmpty();
        if (!files && (local || resources.isEmpty())) {
            throw new UsageException(Targets.NONE_GIVEN);
        }
        String output = ObjectWrites.outputFormat(inv);
        Aggregate errors = new Aggregate();
        List<Targets.Target> targets = new ArrayList<>();
        if (local) {
            for (Manifests.Doc doc : Manifests.read(inv)) {
                targets.add(new Targets.Target(ObjectWrites.typeOf(doc), doc.object()));
            }
        } else {
            Targets.Found found = Targets.resolve(inv, resources, false);
            if (!found.errors().isEmpty()) {
                errors.addAll(found.errors());
                return errors.print(inv);
            }
            targets.addAll(found.targets());
        }
        for (Targets.Target t : targets) {
            ObjectNode copy = t.object().deepCopy();
            try {
                PodSpecs.of(t.type(), copy).put("serviceAccountName", account);
            } catch (PodSpecs.NoPodTemplate e) {
                // info.ObjectName(): resource/name from the server's mapping, kind/name for a local file
                String kind = local ? t.type().kind().toLowerCase() : t.type().plural();
                errors.add("error: " + kind + "/" + t.name() + " " + e.getMessage() + "\n");
                continue;
            }
            // recorded for rollout history
            Record.annotate(inv, copy);
            ObjectNode shown = copy;
            // kubectl sends the difference as a patch: an empty one changes nothing, and the server answers the object as it is
            if (!local && dryRun != DryRun.CLIENT && !copy.equals(t.object())) {
                try {
                    shown = inv.cluster().api().update(t.type(), copy, dryRun == DryRun.SERVER);
                } catch (ApiException e) {
                    errors.add("failed to patch ServiceAccountName " + e.getMessage());
                    continue;
                }
            }
            ObjectWrites.printObject(inv, t.type(), shown, "serviceaccount updated", dryRun, output);
        }
        return errors.print(inv);
    }
}
