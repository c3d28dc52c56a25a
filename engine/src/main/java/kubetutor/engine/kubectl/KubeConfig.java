package kubetutor.engine.kubectl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The simulated kubeconfig: kubeadm's one context, and the namespace each context defaults to. */
public final class KubeConfig {
    public static final String CLUSTER = "kubernetes";
    public static final String USER = "kubernetes-admin";
    public static final String DEFAULT_CONTEXT = USER + "@" + CLUSTER;

    public record Context(String name, String cluster, String user, String namespace) {}

    private final Map<String, Context> contexts = new LinkedHashMap<>();
    private String current = DEFAULT_CONTEXT;
    /** Whether the file holds kubeadm's cluster and admin user (a kubeconfig started empty has neither). */
    private boolean admin = true;
    /** The file's clusters that name a server: a context whose cluster is not one of them reaches no server. */
    private final Set<String> servedClusters = new TreeSet<>(Set.of(CLUSTER));

    public KubeConfig() {
        contexts.put(DEFAULT_CONTEXT, new Context(DEFAULT_CONTEXT, CLUSTER, USER, ""));
    }

    public String currentContext() {
        return current;
    }

    public Context context(String name) {
        return contexts.get(name);
    }

    public Map<String, Context> contexts() {
        return contexts;
    }

    public void put(Context c) {
        contexts.put(c.name(), c);
    }

    public void use(String name) {
        current = name;
    }

    public boolean hasAdmin() {
        return admin;
    }

    public void hasAdmin(boolean admin) {
        this.admin = admin;
    }

    public Set<String> servedClusters() {
        return servedClusters;
    }

    /** The namespace commands use when no -n is given. */
    public String namespace() {
        Context c = contexts.get(current);
        return c == null || c.namespace().isEmpty() ? "default" : c.namespace();
    }
}
