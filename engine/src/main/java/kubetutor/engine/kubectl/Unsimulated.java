package kubetutor.engine.kubectl;

import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.output.Output;

import java.util.Map;

/**
 * The kinds the API server stores but no simulated controller acts on yet. Writing one says so on
 * standard error, in the shape of an API server warning: a Service that silently never routes
 * would teach something false.
 */
public final class Unsimulated {
    private static final Map<ResourceType, String> MISSING = Map.of(
            ResourceTypes.SERVICE, "Service networking yet: this Service gets no endpoints, and its IP answers nothing "
                    + "(kubectl port-forward svc/NAME does reach its pods)");

    private Unsimulated() {}

    /** After a real (not dry-run) create or update of {@code type}. */
    public static void warn(Invocation inv, ResourceType type) {
        String what = MISSING.get(type);
        if (what != null) {
            inv.sink().emit(Output.Error.info("Warning: kubetutor does not simulate " + what));
        }
    }
}
