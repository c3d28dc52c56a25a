package kubetutor.engine.kubectl.set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.Pairs;
import kubetutor.engine.kubectl.Aggregate;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.Record;
import kubetutor.engine.kubectl.Targets;

import java.util.List;
import java.util.Map;

/**
 * kubectl set image (set_image.go): CONTAINER=IMAGE for containers and init containers by name, or
 * *=IMAGE for all of them. A name no container has is an error, yet the other changes (and the
 * change cause) still go out; an object left as it was prints nothing.
 */
final class SetImage {
    private SetImage() {}

    static int run(Invocation inv, List<String> args) {
        DryRun dryRun = DryRun.of(inv);
        String output = ObjectWrites.outputFormat(inv);
        Pairs pairs = Pairs.parse(args, "image", false);
        if (pairs.resources().isEmpty() && inv.args().all("filename").isEmpty()) {
            throw new UsageException(Targets.NONE_GIVEN);
        }
        Targets.Found found = Targets.resolve(inv, pairs.resources(), false);
        Aggregate errors = new Aggregate();
        if (!found.errors().isEmpty()) {
            errors.addAll(found.errors());
            return errors.print(inv);
        }
        Map<String, String> images = pairs.set();
        if (inv.args().bool("all") && inv.args().has("selector")) {
            errors.add("cannot set --all and --selector at the same time");
        }
        if (images.isEmpty()) {
            errors.add("at least one image update is required");
        } else if (images.size() > 1 && images.containsKey("*")) {
            errors.add("all containers are already specified by *, but saw more than one container_name=container_image pairs");
        }
        if (!errors.isEmpty()) {
            return errors.print(inv);
        }
        Changes.apply(inv, found.targets(), (t, copy) -> {
            ObjectNode spec = PodSpecs.of(t.type(), copy);
            images.forEach((name, image) -> {
                boolean initFound = setImage(spec, "initContainers", name, image);
                boolean found1 = setImage(spec, "containers", name, image);
                if (!initFound && !found1) {
                    errors.add("error: unable to find container named \"" + name + "\"");
                }
            });
            // recorded for rollout history
            Record.annotate(inv, copy);
            return true;
        }, "image updated", "failed to patch image update to pod template: ", dryRun, output, errors);
        return errors.print(inv);
    }

    private static boolean setImage(ObjectNode spec, String list, String name, String image) {
        boolean found = false;
        for (var c : spec.path(list)) {
            if (c.isObject() && (name.equals("*") || c.path("name").asText("").equals(name))) {
                ((ObjectNode) c).put("image", image);
                found = true;
            }
        }
        return found;
    }
}
