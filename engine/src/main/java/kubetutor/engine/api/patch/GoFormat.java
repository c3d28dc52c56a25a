package kubetutor.engine.api.patch;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * fmt's %v of a decoded JSON value, as the API server's patch errors print one: {@code map[a:b]}
 * with sorted keys, {@code [x y]}, strings bare, {@code <nil>}.
 */
final class GoFormat {
    private GoFormat() {}

    static String value(JsonNode v) {
        if (v.isObject()) {
            List<String> keys = new ArrayList<>();
            v.fieldNames().forEachRemaining(keys::add);
            Collections.sort(keys);
            List<String> parts = new ArrayList<>();
            keys.forEach(k -> parts.add(k + ":" + value(v.get(k))));
            return "map[" + String.join(" ", parts) + "]";
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(item -> parts.add(value(item)));
            return "[" + String.join(" ", parts) + "]";
        }
        if (v.isNull()) {
            return "<nil>";
        }
        if (v.isFloatingPointNumber()) {
            return goFloat(v.doubleValue());
        }
        return v.asText();
    }

    /** fmt's %v of a float64 (shortest %g): exponent form below 1e-4 and from 1e6 on. */
    private static String goFloat(double d) {
        if (d == 0) {
            return "0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = bd.precision() - bd.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            String digits = bd.unscaledValue().abs().toString();
            String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
            return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        return bd.toPlainString();
    }
}
