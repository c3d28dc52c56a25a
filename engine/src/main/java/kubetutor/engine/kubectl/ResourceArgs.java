package kubetutor.engine.kubectl;

import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.command.UsageException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kubectl's resource arguments: {@code TYPE[,TYPE...] [NAME...]} or {@code TYPE/NAME...}, with
 * {@code all} for the "all" category. Unknown types get the error the discovery lookup gives.
 */
public final class ResourceArgs {
    private ResourceArgs() {}

    /** A type and the names asked for (empty: all of them). */
    public record Request(ResourceType type, List<String> names) {}

    public static List<Request> parse(List<String> args) {
        Map<ResourceType, List<String>> out = new LinkedHashMap<>();
        if (args.isEmpty()) {
            return List.of();
        }
        boolean slashForm = args.get(0).contains("/");
        if (slashForm) {
            for (String a : args) {
                int slash = a.indexOf('/');
                if (slash < 0) {
                    throw new UsageException("error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
                }
                ResourceType t = type(a.substring(0, slash));
                String name = a.substring(slash + 1);
                if (name.isEmpty()) {
                    throw new UsageException("error: arguments in resource/name form must have a single resource and name");
                }
                out.computeIfAbsent(t, k -> new ArrayList<>()).add(name);
            }
        } else {
            List<ResourceType> types = new ArrayList<>();
            for (String word : args.get(0).split(",")) {
                if (word.equals("all")) {
                    types.addAll(ResourceTypes.inCategory("all"));
                } else {
                    types.add(type(word));
                }
            }
            List<String> names = args.subList(1, args.size());
            for (String n : names) {
                if (n.contains("/")) {
                    throw new UsageException("error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
                }
            }
            for (ResourceType t : types) {
                out.computeIfAbsent(t, k -> new ArrayList<>()).addAll(names);
            }
        }
        List<Request> list = new ArrayList<>();
        out.forEach((t, n) -> list.add(new Request(t, List.copyOf(n))));
        return list;
    }

    public static ResourceType type(String word) {
        return ResourceTypes.find(word).orElseThrow(() ->
                new UsageException("error: the server doesn't have a resource type \"" + word + "\""));
    }
}
