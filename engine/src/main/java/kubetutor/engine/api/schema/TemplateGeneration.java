package kubetutor.engine.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A DaemonSet's template generation, which apps/v1 shows only as the annotation
 * deprecated.daemonset.template.generation: the registry sets it to 1 on create (or keeps a larger
 * number the client sent), keeps it on update and adds one whenever the pod template changes. A
 * client cannot change it.
 */
final class TemplateGeneration {
    static final String ANNOTATION = "deprecated.daemonset.template.generation";

    private TemplateGeneration() {}

    static void onCreate(ObjectNode ds) {
        long sent = parse(ds.path("metadata").path("annotations").path(ANNOTATION));
        set(ds, Math.max(sent, 1));
    }

    /** The registry's PrepareForUpdate: the stored generation, plus one if the template changed. */
    static void onUpdate(ObjectNode old, ObjectNode next) {
        long current = Math.max(parse(old.path("metadata").path("annotations").path(ANNOTATION)), 1);
        boolean changed = !Objects.equals(old.path("spec").path("template"), next.path("spec").path("template"));
        set(next, changed ? current + 1 : current);
    }

    private static long parse(JsonNode value) {
        try {
            return value.isTextual() ? Long.parseLong(value.asText()) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void set(ObjectNode ds, long generation) {
        Defaulter.obj(Defaulter.obj(ds, "metadata"), "annotations").put(ANNOTATION, Long.toString(generation));
    }
}
