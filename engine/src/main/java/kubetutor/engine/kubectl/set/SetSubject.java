package kubetutor.engine.kubectl.set;

import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.Aggregate;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Manifests;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.Targets;

import java.util.ArrayList;
import java.util.List;

/**
 * kubectl set subject (set_subject.go) adds users, groups and service accounts to a RoleBinding or
 * ClusterRoleBinding. The simulated cluster serves no RBAC objects, so the objects a learner can
 * name are refused as 1.32 refuses any other kind; what comes before that (finding the objects,
 * the flags' checks) is kubectl's, in its order.
 */
final class SetSubject {
    private SetSubject() {}

    static int run(Invocation inv, List<String> args) {
        DryRun dryRun = DryRun.of(inv);
        boolean local = inv.args().bool("local");
        boolean files = !inv.args().all("filename").isEmpty();
        List<Targets.Target> targets = new ArrayList<>();
        Aggregate errors = new Aggregate();
        if (local) {
            if (!args.isEmpty()) {
                throw new UsageException("error: you must specify resources by --filename when --local is set.\n"
                        + "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'");
            }
            if (!files) {
                throw new UsageException(Targets.NONE_GIVEN);
            }
            for (Manifests.Doc doc : Manifests.read(inv)) {
                targets.add(new Targets.Target(ObjectWrites.typeOf(doc), doc.object()));
            }
        } else {
            if (args.isEmpty() && !files) {
                throw new UsageException(Targets.NONE_GIVEN);
            }
            Targets.Found found = Targets.resolve(inv, args, false);
            if (!found.errors().isEmpty()) {
                errors.addAll(found.errors());
                return errors.print(inv);
            }
            targets.addAll(found.targets());
        }
        validate(inv, local, dryRun);
        for (Targets.Target t : targets) {
            // info.ObjectName(): resource/name from the server's mapping
            errors.add("error: " + t.type().plural() + "/" + t.name()
                    + " setting subjects is only supported for RoleBinding/ClusterRoleBinding\n");
        }
        return errors.print(inv);
    }

    /** SubjectOptions.Validate, after the objects were found. */
    private static void validate(Invocation inv, boolean local, DryRun dryRun) {
        if (local && dryRun == DryRun.SERVER) {
            throw new UsageException("error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?");
        }
        if (inv.args().bool("all") && !inv.args().get("selector", "").isEmpty()) {
            throw new UsageException("error: cannot set --all and --selector at the same time");
        }
        List<String> accounts = inv.args().all("serviceaccount");
        if (inv.args().all("user").isEmpty() && inv.args().all("group").isEmpty() && accounts.isEmpty()) {
            throw new UsageException("error: you must specify at least one value of user, group or serviceaccount");
        }
        for (String sa : accounts) {
            String[] tokens = sa.split(":", -1);
            if (tokens.length != 2 || tokens[1].isEmpty()) {
                throw new UsageException("error: serviceaccount must be <namespace>:<name>");
            }
        }
    }
}
