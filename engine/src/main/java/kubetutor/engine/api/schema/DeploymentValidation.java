package kubetutor.engine.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What ValidateDeploymentSpec (pkg/apis/apps/validation) adds to a ReplicaSet's checks, after the
 * template: the strategy (a rolling update may not have both bounds at 0, nor more than 100%
 * unavailable; Recreate takes no rollingUpdate), then minReadySeconds, revisionHistoryLimit, and a
 * progress deadline that must outlast minReadySeconds.
 */
final class DeploymentValidation {
    private static final String STRATEGY = "spec.strategy";

    private DeploymentValidation() {}

    static void afterTemplate(JsonNode spec, List<FieldError> errs) {
        strategy(spec.path("strategy"), errs);
        Validator.nonNegative(spec, "minReadySeconds", "spec", errs);
        Validator.nonNegative(spec, "revisionHistoryLimit", "spec", errs);
        JsonNode deadline = spec.get("progressDeadlineSeconds");
        if (deadline != null && deadline.isNumber()) {
            Validator.nonNegative(spec, "progressDeadlineSeconds", "spec", errs);
            if (deadline.asLong() <= spec.path("minReadySeconds").asLong(0)) {
                errs.add(FieldError.invalid("spec.progressDeadlineSeconds", deadline.asLong(), "must be greater than minReadySeconds"));
            }
        }
    }

    private static void strategy(JsonNode strategy, List<FieldError> errs) {
        boolean rollingSet = strategy.path("rollingUpdate").isObject();
        switch (strategy.path("type").asText("")) {
            case "Recreate" -> {
                if (rollingSet) {
                    errs.add(FieldError.forbidden(STRATEGY + ".rollingUpdate", "may not be specified when strategy `type` is 'Recreate'"));
                }
            }
            case "RollingUpdate" -> {
                if (rollingSet) {
                    rollingUpdate(strategy.get("rollingUpdate"), errs);
                } else {
                    errs.add(FieldError.required(STRATEGY + ".rollingUpdate", "this should be defaulted and never be nil"));
                }
            }
            default -> errs.add(FieldError.notSupported(STRATEGY, GoValues.deploymentStrategy(strategy), "Recreate", "RollingUpdate"));
        }
    }

    /** ValidateRollingUpdateDeployment. */
    private static void rollingUpdate(JsonNode rolling, List<FieldError> errs) {
        String path = STRATEGY + ".rollingUpdate.";
        JsonNode unavailable = rolling.path("maxUnavailable");
        JsonNode surge = rolling.path("maxSurge");
        IntOrPercent.validate(unavailable, path + "maxUnavailable", errs);
        IntOrPercent.validate(surge, path + "maxSurge", errs);
        if (IntOrPercent.value(unavailable) == 0 && IntOrPercent.value(surge) == 0) {
            errs.add(FieldError.invalid(path + "maxUnavailable", GoValues.intOrString(unavailable), "may not be 0 when `maxSurge` is 0"));
        }
        IntOrPercent.notOver100(unavailable, path + "maxUnavailable", errs);
    }
}
