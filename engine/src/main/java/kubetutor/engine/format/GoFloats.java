package kubetutor.engine.format;

import java.math.BigDecimal;

/** Go's float formatting as the two printers use it. */
final class GoFloats {
    private GoFloats() {
    }

    /**
     * go-yaml v2 encodes floats with strconv.FormatFloat(f, 'g', -1, 32): shortest digits of the
     * value rounded to float32, exponent form below 1e-4 or from 1e6 on ("1e+06").
     */
    static String yaml(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        float f = (float) d;
        if (f == 0) {
            return (Float.floatToRawIntBits(f) < 0) ? "-0" : "0";
        }
        BigDecimal shortest = new BigDecimal(Float.toString(f)).stripTrailingZeros();
        int exp = shortest.precision() - shortest.scale() - 1;
        if (exp < -4 || exp >= 6) {
            return exponent(shortest, exp);
        }
        return shortest.toPlainString();
    }

    /** fmt's %v and %#v: strconv.FormatFloat(f, 'g', -1, 64), exponent form below 1e-4 or from 1e6 on ("1e+06"). */
    static String g(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exp = shortest.precision() - shortest.scale() - 1;
        return exp < -4 || exp >= 6 ? exponent(shortest, exp) : shortest.toPlainString();
    }

    /** encoding/json: plain decimals, exponent form below 1e-6 and from 1e21 on ("1e-07", "1e+21"). */
    static String json(double d) {
        if (d == 0) {
            return "0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        double abs = Math.abs(d);
        if (abs < 1e-6 || abs >= 1e21) {
            int exp = shortest.precision() - shortest.scale() - 1;
            String e = exponent(shortest, exp);
            // Go's json trims "e-07" to "e-7".
            return e.replaceFirst("e([-+])0(\\d)$", "e$1$2");
        }
        return shortest.toPlainString();
    }

    private static String exponent(BigDecimal value, int exp) {
        String digits = value.unscaledValue().abs().toString();
        StringBuilder sb = new StringBuilder();
        if (value.signum() < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('e').append(exp < 0 ? '-' : '+');
        int abs = Math.abs(exp);
        if (abs < 10) {
            sb.append('0');
        }
        return sb.append(abs).toString();
    }
}
