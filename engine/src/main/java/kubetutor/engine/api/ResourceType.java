package kubetutor.engine.api;

import java.util.List;

/**
 * A kind the simulated API server serves, with the names kubectl knows it by.
 *
 * @param group      API group, empty for the core group
 * @param namespaced whether objects live in a namespace
 * @param categories e.g. "all" for the kinds {@code kubectl get all} lists
 */
public record ResourceType(String kind, String plural, String singular, List<String> shortNames,
                           String group, String version, boolean namespaced, List<String> categories) {

    /**
     * Kind and group name a type; every store access looks its table up by type, and a record's own
     * hash would walk every component, the lists included.
     */
    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(kind) + java.util.Objects.hashCode(group);
    }

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** "pods", "deployments.apps": how the API server names the resource in its errors. */
    public String qualifiedPlural() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** "pod", "deployment.apps": the prefix of {@code kind/name} in kubectl's messages. */
    public String qualifiedKindLower() {
        String k = kind.toLowerCase(java.util.Locale.ROOT);
        return group.isEmpty() ? k : k + "." + group;
    }

    public boolean matches(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.equals(plural) || n.equals(singular) || shortNames.contains(n)
                || n.equals(kind.toLowerCase(java.util.Locale.ROOT))
                || n.equals(qualifiedPlural()) || n.equals(singular + "." + group)
                || n.equals(plural + "." + version + "." + group);
    }
}
