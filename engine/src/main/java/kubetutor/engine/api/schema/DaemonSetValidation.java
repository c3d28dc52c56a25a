package kubetutor.engine.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * ValidateDaemonSetSpec (pkg/apis/apps/validation): unlike a ReplicaSet's, a missing selector is
 * not "Required" (it selects nothing, so the template cannot match it), and the rolling update
 * wants exactly one of maxUnavailable and maxSurge to be non-zero.
 */
final class DaemonSetValidation {
    private static final String MISMATCH = "`selector` does not match template `labels`";

    private DaemonSetValidation() {}

    static void spec(JsonNode spec, List<FieldError> errs) {
        JsonNode selector = spec.path("selector");
        boolean present = selector.isObject();
        Validator.labels(selector.path("matchLabels"), "spec.selector.matchLabels", errs);
        boolean empty = present && selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty();
        if (empty) {
            errs.add(FieldError.invalid("spec.selector", GoValues.labelSelector(selector), "empty selector is invalid for daemonset"));
        }
        Validator.template(spec, !present ? null : empty ? JsonNodeSelectors.EVERYTHING : selector, MISMATCH, errs);
        JsonNode deadline = spec.path("template").path("spec").path("activeDeadlineSeconds");
        if (deadline.isNumber()) {
            errs.add(FieldError.invalid("spec.template.spec.activeDeadlineSeconds", deadline.asLong(), "must not be specified"));
        }
        Validator.nonNegative(spec, "minReadySeconds", "spec", errs);
        updateStrategy(spec.path("updateStrategy"), errs);
        Validator.nonNegative(spec, "revisionHistoryLimit", "spec", errs);
    }

    private static void updateStrategy(JsonNode strategy, List<FieldError> errs) {
        String type = strategy.path("type").asText("");
        if (type.equals("OnDelete")) {
            return;
        }
        if (!type.equals("RollingUpdate")) {
            errs.add(FieldError.notSupported("spec.updateStrategy", GoValues.daemonSetUpdateStrategy(strategy),
                    "RollingUpdate", "OnDelete"));
            return;
        }
        JsonNode rolling = strategy.path("rollingUpdate");
        if (!rolling.isObject()) {
            errs.add(FieldError.required("spec.updateStrategy.rollingUpdate", ""));
            return;
        }
        String path = "spec.updateStrategy.rollingUpdate.";
        JsonNode unavailable = rolling.path("maxUnavailable");
        JsonNode surge = rolling.path("maxSurge");
        IntOrPercent.validate(unavailable, path + "maxUnavailable", errs);
        IntOrPercent.validate(surge, path + "maxSurge", errs);
        IntOrPercent.notOver100(unavailable, path + "maxUnavailable", errs);
        IntOrPercent.notOver100(surge, path + "maxSurge", errs);
        boolean hasUnavailable = IntOrPercent.value(unavailable) != 0;
        boolean hasSurge = IntOrPercent.value(surge) != 0;
        if (hasUnavailable && hasSurge) {
            errs.add(FieldError.invalid(path + "maxSurge", GoValues.intOrString(surge), "may not be set when maxUnavailable is non-zero"));
        } else if (!hasUnavailable && !hasSurge) {
            errs.add(FieldError.required(path + "maxUnavailable", "cannot be 0 when maxSurge is 0"));
        }
    }
}
