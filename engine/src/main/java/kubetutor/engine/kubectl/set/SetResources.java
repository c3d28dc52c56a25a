package kubetutor.engine.kubectl.set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ResourceQuantity;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.Aggregate;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.Record;
import kubetutor.engine.kubectl.Targets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * kubectl set resources (set_resources.go): --limits and --requests (cpu=200m,memory=512Mi) on the
 * containers -c names; each quantity goes out in resource.Quantity's canonical form ("0.5" is sent
 * as "500m").
 */
final class SetResources {
    private static final Pattern QUANTITY = Pattern.compile("[+-]?[0-9.]+([eEinumkKMGTP]*[-+]?[0-9]*)");
    private static final List<String> SUFFIXES = List.of("", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "n", "u", "m", "k", "M",
            "G", "T", "P", "E");

    private SetResources() {}

    static int run(Invocation inv, List<String> args) {
        DryRun dryRun = DryRun.of(inv);
        String output = ObjectWrites.outputFormat(inv);
        if (args.isEmpty() && inv.args().all("filename").isEmpty()) {
            throw new UsageException(Targets.NONE_GIVEN);
        }
        Targets.Found found = Targets.resolve(inv, args, false);
        Aggregate errors = new Aggregate();
        if (!found.errors().isEmpty()) {
            errors.addAll(found.errors());
            return errors.print(inv);
        }
        if (inv.args().bool("all") && inv.args().has("selector")) {
            throw new UsageException("error: cannot set --all and --selector at the same time");
        }
        String limitsFlag = inv.args().get("limits", "");
        String requestsFlag = inv.args().get("requests", "");
        if (limitsFlag.isEmpty() && requestsFlag.isEmpty()) {
            throw new UsageException("error: you must specify an update to requests or limits (in the form of --requests/--limits)");
        }
        Map<String, String> limits = resourceList(limitsFlag);
        Map<String, String> requests = resourceList(requestsFlag);
        String selector = inv.args().get("containers", "*");
        Changes.apply(inv, found.targets(), (t, copy) -> {
            List<ObjectNode> containers = PodSpecs.select(PodSpecs.of(t.type(), copy), selector);
            if (containers.isEmpty()) {
                errors.add("error: unable to find container named " + selector);
                return false;
            }
            for (ObjectNode c : containers) {
                ObjectNode resources = PodSpecs.child(c, "resources");
                set(resources, "limits", limits);
                set(resources, "requests", requests);
            }
            // recorded for rollout history
            Record.annotate(inv, copy);
            return true;
        }, "resource requirements updated", "failed to patch resources update to pod template ", dryRun, output, errors);
        return errors.print(inv);
    }

    private static void set(ObjectNode resources, String field, Map<String, String> values) {
        if (!values.isEmpty()) {
            ObjectNode list = PodSpecs.child(resources, field);
            values.forEach(list::put);
        }
    }

    /** populateResourceListV1: name=quantity pairs, each quantity parsed and written back canonically. */
    private static Map<String, String> resourceList(String spec) {
        Map<String, String> out = new LinkedHashMap<>();
        if (spec.isEmpty()) {
            return out;
        }
        for (String statement : spec.split(",", -1)) {
            String[] parts = statement.split("=", -1);
            if (parts.length != 2) {
                throw new UsageException("error: Invalid argument syntax " + statement + ", expected <resource>=<value>");
            }
            var m = QUANTITY.matcher(parts[1]);
            if (!m.matches() || !SUFFIXES.contains(m.group(1)) && !m.group(1).matches("[eE][-+]?[0-9]+")) {
                throw new UsageException("error: quantities must match the regular expression"
                        + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
            }
            try {
                out.put(parts[0], ResourceQuantity.parse(parts[1]).toString());
            } catch (ResourceQuantity.Invalid e) {
                throw new UsageException("error: quantities must match the regular expression"
                        + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
            }
        }
        return out;
    }
}
