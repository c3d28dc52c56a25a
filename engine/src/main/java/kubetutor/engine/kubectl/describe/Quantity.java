package kubetutor.engine.kubectl.describe;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A resource.Quantity as describe prints it (and as kubectl set resources sends it): parsed from the API's string, added up, and written
 * back in the canonical form (largest exact suffix of its format: "1500m", "2", "240Mi", "100M").
 * Like Go's Add, a sum takes the format of its first non-zero term.
 */
public record Quantity(BigDecimal value, Format format) {
    public enum Format { DECIMAL_SI, BINARY_SI, DECIMAL_EXPONENT }

    static final Quantity ZERO = new Quantity(BigDecimal.ZERO, Format.DECIMAL_SI);

    private static final String[] BINARY = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final BigInteger KI = BigInteger.valueOf(1024);

    public static Quantity parse(String s) {
        if (s == null || s.isEmpty()) {
            return ZERO;
        }
        int i = 0;
        while (i < s.length() && "+-0123456789.".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        BigDecimal number = new BigDecimal(s.substring(0, i));
        String suffix = s.substring(i);
        for (int p = 1; p < BINARY.length; p++) {
            if (suffix.equals(BINARY[p])) {
                return new Quantity(number.multiply(new BigDecimal(KI.pow(p))), Format.BINARY_SI);
            }
        }
        if (suffix.startsWith("e") || suffix.startsWith("E")) {
            return new Quantity(number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1))), Format.DECIMAL_EXPONENT);
        }
        int exponent = switch (suffix) {
            case "n" -> -9;
            case "u" -> -6;
            case "m" -> -3;
            case "" -> 0;
            case "k" -> 3;
            case "M" -> 6;
            case "G" -> 9;
            case "T" -> 12;
            case "P" -> 15;
            case "E" -> 18;
            default -> throw new IllegalArgumentException("quantities must match the regular expression: " + s);
        };
        return new Quantity(number.scaleByPowerOfTen(exponent), Format.DECIMAL_SI);
    }

    boolean isZero() {
        return value.signum() == 0;
    }

    Quantity plus(Quantity other) {
        if (isZero()) {
            return new Quantity(value.add(other.value), other.format);
        }
        return new Quantity(value.add(other.value), format);
    }

    /** Quantity.MilliValue(): thousandths, rounded up. */
    long milliValue() {
        return value.scaleByPowerOfTen(3).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** Quantity.Value(): whole units, rounded up. */
    long wholeValue() {
        return value.setScale(0, RoundingMode.CEILING).longValueExact();
    }

    @Override
    public String toString() {
        if (isZero()) {
            return "0";
        }
        Format f = format;
        if (f == Format.BINARY_SI && (value.abs().compareTo(BigDecimal.valueOf(1024)) < 0 || value.stripTrailingZeros().scale() > 0)) {
            f = Format.DECIMAL_SI;
        }
        if (f == Format.BINARY_SI) {
            BigInteger n = value.toBigIntegerExact();
            int p = 0;
            while (p < BINARY.length - 1 && n.mod(KI).signum() == 0) {
                n = n.divide(KI);
                p++;
            }
            return n + BINARY[p];
        }
        // Nanounits are the finest precision; anything finer rounds up.
        BigDecimal v = value.setScale(9, RoundingMode.CEILING).stripTrailingZeros();
        BigInteger mantissa = v.unscaledValue();
        int exponent = -v.scale();
        while (Math.floorMod(exponent, 3) != 0) {
            mantissa = mantissa.multiply(BigInteger.TEN);
            exponent--;
        }
        if (f == Format.DECIMAL_EXPONENT) {
            return exponent == 0 ? mantissa.toString() : mantissa + "e" + exponent;
        }
        String suffix = switch (exponent) {
            case -9 -> "n";
            case -6 -> "u";
            case -3 -> "m";
            case 0 -> "";
            case 3 -> "k";
            case 6 -> "M";
            case 9 -> "G";
            case 12 -> "T";
            case 15 -> "P";
            default -> null;
        };
        if (suffix == null) {
            // Beyond peta: express in exa.
            return new BigDecimal(mantissa).scaleByPowerOfTen(exponent - 18).toPlainString() + "E";
        }
        return mantissa + suffix;
    }
}
