package kubetutor.engine.kubectl.auth;

import java.util.List;

/** One RBAC rule as rbac/v1 has it; empty lists stand for Go's nil slices. */
public record PolicyRule(List<String> verbs, List<String> apiGroups, List<String> resources,
                         List<String> resourceNames, List<String> nonResourceURLs) {

    static PolicyRule resource(String verb, String group, String resource) {
        return new PolicyRule(List.of(verb), List.of(group), List.of(resource), List.of(), List.of());
    }

    static PolicyRule url(String verb, String url) {
        return new PolicyRule(List.of(verb), List.of(), List.of(), List.of(), List.of(url));
    }

    /**
     * The generated protobuf String() of rbacv1.PolicyRule: kubectl sorts the rules it lists by this
     * text (rbac/v1 helpers' SortableRuleSlice), which is why "[*]" verbs come first.
     */
    String goString() {
        return "&PolicyRule{Verbs:" + go(verbs) + ",APIGroups:" + go(apiGroups) + ",Resources:" + go(resources)
                + ",ResourceNames:" + go(resourceNames) + ",NonResourceURLs:" + go(nonResourceURLs) + ",}";
    }

    /** fmt's %v of a []string. */
    static String go(List<String> values) {
        return "[" + String.join(" ", values) + "]";
    }

    /** describe.CombineResourceGroup: "resource.group" for each resource and group, the core group bare. */
    String resourceColumn() {
        if (resources.isEmpty()) {
            return "";
        }
        List<String> parts = new java.util.ArrayList<>();
        for (String r : resources) {
            for (String g : apiGroups.isEmpty() ? List.of("") : apiGroups) {
                parts.add(g.isEmpty() ? r : r + "." + g);
            }
        }
        return String.join(" ", parts);
    }
}
