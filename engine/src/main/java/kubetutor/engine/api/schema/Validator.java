package kubetutor.engine.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import kubetutor.engine.api.ResourceType;

/**
 * The API server's validation of defaulted objects (pkg/apis/core/validation, pkg/apis/apps/validation)
 * for the checks a learner can trip over, and the text kubectl prints for the resulting Invalid error.
 */
public final class Validator {
    private static final String POD_UPDATE_FORBIDDEN = "pod updates may not change fields other than "
            + "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
            + "`spec.tolerations` (only additions to existing tolerations),"
            + "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

    public List<FieldError> validate(ResourceType kind, ObjectNode object) {
        List<FieldError> errs = new ArrayList<>();
        JsonNode spec = object.path("spec");
        switch (kind.kind()) {
            case "Pod" -> {
                metadata(object, Names::dns1123Subdomain, true, errs);
                PodSpecValidation.spec(spec, "spec", errs);
            }
            case "Deployment", "ReplicaSet" -> {
                metadata(object, Names::dns1123Subdomain, true, errs);
                nonNegative(spec, "replicas", "spec", errs);
                if (kind.kind().equals("ReplicaSet")) {
                    nonNegative(spec, "minReadySeconds", "spec", errs);
                }
                labelSelector(spec, errs);
                if (kind.kind().equals("Deployment")) {
                    DeploymentValidation.afterTemplate(spec, errs);
                }
            }
            case "ReplicationController" -> {
                metadata(object, Names::dns1123Subdomain, true, errs);
                nonNegative(spec, "replicas", "spec", errs);
                nonNegative(spec, "minReadySeconds", "spec", errs);
                JsonNode selector = spec.path("selector");
                if (selector.isEmpty()) {
                    errs.add(FieldError.required("spec.selector", ""));
                } else {
                    labels(selector, "spec.selector", errs);
                }
                template(spec, selector.isEmpty() ? null : selector, "selector does not match template labels", errs);
            }
            case "Service" -> {
                metadata(object, Names::dns1035Label, true, errs);
                ServiceValidation.spec(spec, errs);
            }
            case "DaemonSet" -> {
                metadata(object, Names::dns1123Subdomain, true, errs);
                DaemonSetValidation.spec(spec, errs);
            }
            case "ConfigMap" -> {
                metadata(object, Names::dns1123Subdomain, true, errs);
                DataValidation.configMap(object, errs);
            }
            case "Secret" -> {
                metadata(object, Names::dns1123Subdomain, true, errs);
                DataValidation.secret(object, errs);
            }
            case "Namespace" -> metadata(object, Names::dns1123Label, false, errs);
            default -> metadata(object, Names::dns1123Subdomain, kind.namespaced(), errs);
        }
        return errs;
    }

    /**
     * What an update adds to validation: the immutable parts. Pods may only change images,
     * activeDeadlineSeconds and (by adding) tolerations; an apps/v1 workload's selector is fixed (the
     * registry adds that check after validation); a config map's or secret's data may be frozen.
     */
    public List<FieldError> validateUpdate(ResourceType kind, ObjectNode oldObj, ObjectNode newObj) {
        List<FieldError> errs = new ArrayList<>();
        if (kind.kind().equals("Pod")) {
            // ValidatePodUpdate starts with ValidateObjectMetaUpdate, which checks labels and annotations again
            labelsAndAnnotations(newObj.path("metadata"), errs);
            ObjectNode oldSpec = ((ObjectNode) oldObj.path("spec")).deepCopy();
            JsonNode newSpec = newObj.path("spec");
            if (newSpec.path("containers").size() != oldSpec.path("containers").size()) {
                errs.add(FieldError.forbidden("spec.containers", "pod updates may not add or remove containers"));
                return errs;
            }
            copyMutable(newSpec, oldSpec);
            if (!oldSpec.equals(newSpec)) {
                errs.add(FieldError.forbidden("spec", POD_UPDATE_FORBIDDEN));
            }
            return errs;
        }
        if (kind.kind().equals("ConfigMap") || kind.kind().equals("Secret")) {
            DataValidation.update(kind.kind(), oldObj, newObj, errs);
        }
        errs.addAll(validate(kind, newObj));
        if (List.of("Deployment", "ReplicaSet", "DaemonSet").contains(kind.kind())) {
            JsonNode newSel = newObj.path("spec").path("selector");
            if (!newSel.equals(oldObj.path("spec").path("selector"))) {
                errs.add(FieldError.invalid("spec.selector", GoValues.labelSelector(newSel), "field is immutable"));
            }
        }
        return errs;
    }

    /** Puts the fields a pod update may change into the old spec, so any remaining difference is forbidden. */
    private static void copyMutable(JsonNode newSpec, ObjectNode oldSpec) {
        for (String list : List.of("containers", "initContainers")) {
            JsonNode oldList = oldSpec.path(list);
            for (int i = 0; i < oldList.size() && i < newSpec.path(list).size(); i++) {
                JsonNode image = newSpec.path(list).get(i).get("image");
                if (image != null) {
                    ((ObjectNode) oldList.get(i)).set("image", image);
                }
            }
        }
        for (String f : List.of("activeDeadlineSeconds", "tolerations")) {
            if (newSpec.has(f)) {
                oldSpec.set(f, newSpec.get(f));
            } else {
                oldSpec.remove(f);
            }
        }
    }

    /**
     * kubectl's text for the API server's Invalid error (cmdutil.MultilineError): one cause on the
     * same line, several as a bulleted list. Returned without the final newline kubectl prints.
     */
    public static String message(ResourceType kind, String name, List<FieldError> errors) {
        String prefix = "The " + kind.kind() + " \"" + name + "\" is invalid: ";
        List<String> lines = new ArrayList<>();
        for (FieldError e : errors) {
            if (!lines.contains(e.line())) {
                lines.add(e.line());
            }
        }
        if (lines.size() == 1) {
            return prefix + lines.get(0);
        }
        StringBuilder sb = new StringBuilder(prefix);
        for (String l : lines) {
            sb.append("\n* ").append(l);
        }
        return sb.toString();
    }

    // ---- shared checks ----

    private static void metadata(ObjectNode object, Function<String, List<String>> nameCheck, boolean namespaced,
                                 List<FieldError> errs) {
        JsonNode meta = object.path("metadata");
        String generateName = meta.path("generateName").asText("");
        if (!generateName.isEmpty()) {
            // a generated name gets a suffix appended, so only the prefix's characters are checked
            String trimmed = generateName.endsWith("-") ? generateName + "a" : generateName;
            nameCheck.apply(trimmed).forEach(m -> errs.add(FieldError.invalid("metadata.generateName", generateName, m)));
        }
        String name = meta.path("name").asText("");
        if (name.isEmpty()) {
            if (generateName.isEmpty()) {
                errs.add(FieldError.required("metadata.name", "name or generateName is required"));
            }
        } else {
            nameCheck.apply(name).forEach(m -> errs.add(FieldError.invalid("metadata.name", name, m)));
        }
        if (namespaced && meta.has("namespace") && !meta.get("namespace").asText().isEmpty()) {
            String ns = meta.get("namespace").asText();
            Names.dns1123Label(ns).forEach(m -> errs.add(FieldError.invalid("metadata.namespace", ns, m)));
        }
        labelsAndAnnotations(meta, errs);
    }

    /** What ValidateObjectMeta and ValidateObjectMetaUpdate both check: label and annotation syntax, annotation size. */
    private static void labelsAndAnnotations(JsonNode meta, List<FieldError> errs) {
        labels(meta.path("labels"), "metadata.labels", errs);
        JsonNode annotations = meta.path("annotations");
        for (String key : new TreeMap<>(toMap(annotations)).keySet()) {
            Names.qualifiedName(key.toLowerCase(java.util.Locale.ROOT))
                    .forEach(m -> errs.add(FieldError.invalid("metadata.annotations", key, m)));
        }
        if (annotationBytes(annotations) > TOTAL_ANNOTATION_SIZE) {
            errs.add(FieldError.tooLong("metadata.annotations", TOTAL_ANNOTATION_SIZE));
        }
    }

    /** ValidateAnnotationsSize: the keys and values together, in bytes, at most 256 KiB. */
    static final int TOTAL_ANNOTATION_SIZE = 256 * 1024;

    private static long annotationBytes(JsonNode annotations) {
        long total = 0;
        for (Map.Entry<String, String> e : toMap(annotations).entrySet()) {
            total += utf8Length(e.getKey()) + utf8Length(e.getValue());
        }
        return total;
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    /** ValidateLabels: every key a qualified name, every value a label value; reported at the map's path. */
    static void labels(JsonNode labels, String path, List<FieldError> errs) {
        for (Map.Entry<String, String> e : new TreeMap<>(toMap(labels)).entrySet()) {
            Names.qualifiedName(e.getKey()).forEach(m -> errs.add(FieldError.invalid(path, e.getKey(), m)));
            Names.labelValue(e.getValue()).forEach(m -> errs.add(FieldError.invalid(path, e.getValue(), m)));
        }
    }

    private static void labelSelector(JsonNode spec, List<FieldError> errs) {
        JsonNode selector = spec.path("selector");
        if (selector.isMissingNode() || selector.isNull()) {
            errs.add(FieldError.required("spec.selector", ""));
            template(spec, null, "`selector` does not match template `labels`", errs);
            return;
        }
        labels(selector.path("matchLabels"), "spec.selector.matchLabels", errs);
        if (selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty()) {
            errs.add(FieldError.invalid("spec.selector", GoValues.labelSelector(selector), "empty selector is invalid for deployment"));
            template(spec, JsonNodeSelectors.EVERYTHING, "`selector` does not match template `labels`", errs);
            return;
        }
        template(spec, selector, "`selector` does not match template `labels`", errs);
    }

    /**
     * ValidatePodTemplateSpecForReplicaSet / ForRC: labels must match the selector (a missing selector
     * matches nothing), then the pod spec, then restartPolicy Always.
     */
    static void template(JsonNode spec, JsonNode selector, String mismatch, List<FieldError> errs) {
        JsonNode template = spec.path("template");
        if (!template.isObject()) {
            errs.add(FieldError.required("spec.template", ""));
            return;
        }
        JsonNode labels = template.path("metadata").path("labels");
        if (!JsonNodeSelectors.matches(selector, labels)) {
            errs.add(FieldError.invalid("spec.template.metadata.labels", GoValues.stringMap(labels), mismatch));
        }
        labels(labels, "spec.template.metadata.labels", errs);
        PodSpecValidation.spec(template.path("spec"), "spec.template.spec", errs);
        String restart = template.path("spec").path("restartPolicy").asText("");
        if (!restart.equals("Always")) {
            errs.add(FieldError.notSupported("spec.template.spec.restartPolicy", restart, "Always"));
        }
    }

    static void nonNegative(JsonNode spec, String field, String path, List<FieldError> errs) {
        if (spec.has(field) && spec.get(field).asLong() < 0) {
            errs.add(FieldError.invalid(path + "." + field, spec.get(field).asLong(), "must be greater than or equal to 0"));
        }
    }

    static Map<String, String> toMap(JsonNode node) {
        Map<String, String> m = new TreeMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        }
        return m;
    }
}
