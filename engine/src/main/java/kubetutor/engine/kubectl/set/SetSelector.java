package kubetutor.engine.kubectl.set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.Aggregate;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Manifests;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.Targets;
import kubetutor.engine.selector.LabelSelector;
import kubetutor.engine.selector.Requirement;
import kubetutor.engine.selector.SelectorSyntaxException;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * kubectl set selector (set_selector.go): the last word is the selector, the words before it the
 * objects. Only a Service takes one, and only equality requirements (its selector is a plain map);
 * the new selector replaces the old one whole. Unlike set image, an object left as it was is still
 * sent and reported.
 */
final class SetSelector {
    private SetSelector() {}

    static int run(Invocation inv, List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("error: one selector is required");
        }
        String text = args.get(args.size() - 1);
        LabelSelector selector;
        try {
            selector = LabelSelector.parse(text);
        } catch (SelectorSyntaxException e) {
            throw new UsageException("error: couldn't parse the selector string \"" + text + "\": " + e.getMessage());
        }
        // metav1.ParseToLabelSelector has no place for "!=" (a LabelSelector's operators are In, NotIn, Exists, DoesNotExist)
        if (selector.requirements().stream().anyMatch(r -> r.op() == Requirement.Operator.NOT_EQUALS)) {
            throw new UsageException("error: \"!=\" is not a valid label selector operator");
        }
        List<String> resources = args.subList(0, args.size() - 1);
        if (resources.isEmpty() && inv.args().all("filename").isEmpty()) {
            throw new UsageException(Targets.NONE_GIVEN);
        }
        DryRun dryRun = DryRun.of(inv);
        String output = ObjectWrites.outputFormat(inv);
        Aggregate errors = new Aggregate();
        List<Targets.Target> targets = new ArrayList<>();
        boolean local = inv.args().bool("local");
        if (local) {
            for (Manifests.Doc doc : Manifests.read(inv)) {
                targets.add(new Targets.Target(ObjectWrites.typeOf(doc), doc.object()));
            }
        } else {
            Targets.Found found = Targets.resolve(inv, resources, false);
            errors.addAll(found.errors());
            targets.addAll(found.targets());
        }
        for (Targets.Target t : targets) {
            String refused = refusal(t, selector);
            if (refused != null) {
                errors.add(refused);
                break;
            }
            ObjectNode copy = withSelector(inv, t.object(), selector);
            ObjectNode shown = copy;
            if (!local && dryRun != DryRun.CLIENT) {
                try {
                    shown = inv.cluster().api().update(t.type(), copy, dryRun == DryRun.SERVER);
                } catch (ApiException e) {
                    errors.addAll(List.of(e));
                    break;
                }
            }
            ObjectWrites.printObject(inv, t.type(), shown, "selector updated", local ? DryRun.NONE : dryRun, output);
        }
        return errors.print(inv);
    }

    /** updateSelectorForObject's refusals: not a Service, or requirements a map cannot hold. */
    private static String refusal(Targets.Target t, LabelSelector selector) {
        if (t.type() != ResourceTypes.SERVICE) {
            return "error: setting a selector is only supported for Services";
        }
        List<Requirement> expressions = selector.requirements().stream()
                .filter(r -> r.op() != Requirement.Operator.EQUALS).toList();
        return expressions.isEmpty() ? null : "error: match expression " + goFormat(expressions) + " not supported on this object";
    }

    private static ObjectNode withSelector(Invocation inv, ObjectNode svc, LabelSelector selector) {
        ObjectNode copy = svc.deepCopy();
        // a given version goes in the patch, so the server refuses it when the object moved on
        if (!inv.args().get("resource-version", "").isEmpty()) {
            Meta.metadata(copy).put("resourceVersion", inv.args().get("resource-version", ""));
        }
        ObjectNode spec = copy.path("spec").isObject() ? (ObjectNode) copy.get("spec") : copy.putObject("spec");
        TreeMap<String, String> labels = new TreeMap<>();
        selector.requirements().forEach(r -> labels.put(r.key(), r.values().iterator().next()));
        if (labels.isEmpty()) {
            spec.remove("selector");
        } else {
            ObjectNode map = spec.putObject("selector");
            labels.forEach(map::put);
        }
        return copy;
    }

    /** A []LabelSelectorRequirement as Go's %v prints it: [{key Operator [values]} ...]. */
    private static String goFormat(List<Requirement> reqs) {
        List<String> out = new ArrayList<>();
        for (Requirement r : reqs) {
            String op = switch (r.op()) {
                case IN -> "In";
                case NOT_IN, NOT_EQUALS -> "NotIn";
                case EXISTS -> "Exists";
                default -> "DoesNotExist";
            };
            out.add("{" + r.key() + " " + op + " [" + String.join(" ", r.values().stream().sorted().toList()) + "]}");
        }
        return "[" + String.join(" ", out) + "]";
    }
}
