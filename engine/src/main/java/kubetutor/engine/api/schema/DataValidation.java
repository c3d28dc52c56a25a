package kubetutor.engine.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ValidateConfigMap and ValidateSecret (pkg/apis/core/validation): the keys of their data, the
 * keys some secret types must have, and what {@code immutable: true} freezes. Go walks the data map
 * in random order; kubetutor reports the keys sorted, so the same manifest always gets the same text.
 */
final class DataValidation {
    private DataValidation() {}

    static void configMap(JsonNode cm, List<FieldError> errs) {
        Map<String, String> data = Validator.toMap(cm.path("data"));
        Map<String, String> binary = Validator.toMap(cm.path("binaryData"));
        data.keySet().forEach(key -> {
            keyErrors("data", key, errs);
            if (binary.containsKey(key)) {
                errs.add(FieldError.invalid("data[" + key + "]", key, "duplicate of key present in binaryData"));
            }
        });
        binary.keySet().forEach(key -> keyErrors("binaryData", key, errs));
    }

    static void secret(JsonNode secret, List<FieldError> errs) {
        Map<String, String> data = Validator.toMap(secret.path("data"));
        data.keySet().forEach(key -> keyErrors("data", key, errs));
        switch (secret.path("type").asText("")) {
            case "kubernetes.io/service-account-token" -> {
                if (secret.path("metadata").path("annotations").path("kubernetes.io/service-account.name").asText("").isEmpty()) {
                    errs.add(FieldError.required("metadata.annotations[kubernetes.io/service-account.name]", ""));
                }
            }
            case "kubernetes.io/tls" -> {
                for (String key : List.of("tls.crt", "tls.key")) {
                    if (!data.containsKey(key)) {
                        errs.add(FieldError.required("data[" + key + "]", ""));
                    }
                }
            }
            default -> { }
        }
    }

    /** What an update may not do: change a secret's type, or anything an earlier {@code immutable: true} froze. */
    static void update(String kind, JsonNode old, JsonNode next, List<FieldError> errs) {
        if (kind.equals("Secret")) {
            String type = next.path("type").asText("");
            if (!type.equals(old.path("type").asText(""))) {
                errs.add(FieldError.invalid("type", type, "field is immutable"));
            }
        }
        if (!old.path("immutable").asBoolean(false)) {
            return;
        }
        String frozen = "field is immutable when `immutable` is set";
        if (!next.path("immutable").asBoolean(false)) {
            errs.add(FieldError.forbidden("immutable", frozen));
        }
        List<String> fields = kind.equals("Secret") ? List.of("data") : List.of("data", "binaryData");
        for (String field : fields) {
            if (!Objects.equals(Validator.toMap(old.path(field)), Validator.toMap(next.path(field)))) {
                errs.add(FieldError.forbidden(field, frozen));
            }
        }
    }

    private static void keyErrors(String field, String key, List<FieldError> errs) {
        Names.configMapKey(key).forEach(m -> errs.add(FieldError.invalid(field + "[" + key + "]", key, m)));
    }
}
