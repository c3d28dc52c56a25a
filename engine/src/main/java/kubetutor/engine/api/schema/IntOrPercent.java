package kubetutor.engine.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/** apps validation of an IntOrString that is a count or a percentage (maxUnavailable, maxSurge). */
final class IntOrPercent {
    private static final Pattern PERCENT = Pattern.compile("[0-9]+%");

    private IntOrPercent() {}

    /** ValidatePositiveIntOrPercent: a percent string, or a number not below zero. */
    static void validate(JsonNode v, String path, List<FieldError> errs) {
        if (v.isTextual()) {
            if (!PERCENT.matcher(v.asText()).matches()) {
                errs.add(FieldError.invalid(path, GoValues.intOrString(v), "a valid percent string must be a numeric string "
                        + "followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"));
            }
        } else if (v.asLong() < 0) {
            errs.add(FieldError.invalid(path, v.asLong(), "must be greater than or equal to 0"));
        }
    }

    static void notOver100(JsonNode v, String path, List<FieldError> errs) {
        if (v.isTextual() && PERCENT.matcher(v.asText()).matches() && percent(v) > 100) {
            errs.add(FieldError.invalid(path, GoValues.intOrString(v), "must not be greater than 100%"));
        }
    }

    /** getIntOrPercentValue: the number of a valid percentage, else IntValue (Atoi of a string, 0 if it fails). */
    static long value(JsonNode v) {
        if (!v.isTextual()) {
            return v.asLong();
        }
        String s = v.asText();
        return number(PERCENT.matcher(s).matches() ? s.substring(0, s.length() - 1) : s);
    }

    private static long percent(JsonNode v) {
        String s = v.asText();
        return number(s.substring(0, s.length() - 1));
    }

    private static long number(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
