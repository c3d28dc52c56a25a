package kubetutor.engine.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * A resource.Quantity as apimachinery's ParseQuantity reads it ("500m", "1.5Gi", "2e3"): its exact
 * value, rounded away from zero to nano units, and its format. Values too wide for an int64 are kept
 * as Go keeps them, and {@link #milliValue()} and {@link #value()} overflow as Go's do, because the
 * scheduler and the kubelet of 1.32 act on what those return (a CPU request of 10^23 schedules).
 *
 * @param amount the number of units (cores, bytes)
 * @param format how it was written (DecimalSI: "m", "k", "M"; BinarySI: "Ki", "Mi"; DecimalExponent: "e3")
 * @param wide   whether Go kept it as an inf.Dec rather than an int64 with a scale: its int64
 *               accessors then wrap around instead of answering 0 on overflow
 */
public record ResourceQuantity(BigDecimal amount, Format format, boolean wide) {
    public enum Format { DECIMAL_SI, BINARY_SI, DECIMAL_EXPONENT }

    public static final ResourceQuantity ZERO = new ResourceQuantity(BigDecimal.ZERO, Format.DECIMAL_SI, false);

    public static final String FORMAT_WRONG =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    public static final String SUFFIX_WRONG = "unable to parse quantity's suffix";

    private static final Map<String, Integer> DECIMAL = Map.of("n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6,
            "G", 9, "T", 12, "P", 15, "E", 18);
    private static final Map<String, Integer> BINARY = Map.of("Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50, "Ei", 60);
    private static final String[] BINARY_SUFFIXES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final BigInteger KI = BigInteger.valueOf(1024);
    private static final BigDecimal MAX_INT64 = BigDecimal.valueOf(Long.MAX_VALUE);
    /** Go's int64 fast path holds at most 18 digits (maxInt64Factors). */
    private static final int FAST_DIGITS = 18;
    /**
     * Past this many integer digits no int64 accessor can be computed in reasonable time (Go would
     * build a number with millions of digits); they answer 0, the int64 path's answer to overflow.
     */
    private static final int HUGE_DIGITS = 4096;

    /** A quantity the API server cannot decode; the message is apimachinery's. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** The quantity, or the empty value when the text is not one. */
    public static Optional<String> problem(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (Invalid e) {
            return Optional.of(e.getMessage());
        }
    }

    /** What the text is worth, or zero when it is not a quantity (the API server refused it already). */
    public static ResourceQuantity parseOrZero(String text) {
        try {
            return parse(text);
        } catch (Invalid e) {
            return ZERO;
        }
    }

    /** ParseQuantity: sign, digits, an optional fraction, then a suffix, nothing else. */
    public static ResourceQuantity parse(String text) throws Invalid {
        if (text == null || text.isEmpty()) {
            throw new Invalid(FORMAT_WRONG);
        }
        Parts p = Parts.of(text);
        int exponent;
        Format format;
        if (DECIMAL.containsKey(p.suffix())) {
            exponent = DECIMAL.get(p.suffix());
            format = Format.DECIMAL_SI;
        } else if (BINARY.containsKey(p.suffix())) {
            exponent = BINARY.get(p.suffix());
            format = Format.BINARY_SI;
        } else if (p.suffix().length() > 1 && (p.suffix().charAt(0) == 'e' || p.suffix().charAt(0) == 'E')) {
            try {
                // Go narrows the parsed exponent to int32 without a check; past a billion no accessor
                // tells the difference, and BigDecimal's scale would overflow.
                long e = (int) Long.parseLong(p.suffix().substring(1));
                exponent = (int) Math.max(-999_999_999, Math.min(999_999_999, e));
            } catch (NumberFormatException e) {
                throw new Invalid(SUFFIX_WRONG);
            }
            format = Format.DECIMAL_EXPONENT;
        } else {
            throw new Invalid(SUFFIX_WRONG);
        }
        BigDecimal magnitude = p.magnitude();
        BigDecimal v = format == Format.BINARY_SI
                ? new BigDecimal(magnitude.unscaledValue().shiftLeft(exponent), magnitude.scale())
                : magnitude.scaleByPowerOfTen(exponent);
        boolean wide = !fitsFastPath(p, format, exponent);
        if (wide && v.scale() > 9) {
            v = v.setScale(9, RoundingMode.UP); // nano units are the finest, and a request is never rounded to nothing
        }
        if (format == Format.BINARY_SI && v.compareTo(MAX_INT64) > 0) {
            v = MAX_INT64; // the one cap ParseQuantity applies
        }
        if (format == Format.BINARY_SI && v.compareTo(BigDecimal.ONE) < 0 && v.signum() > 0) {
            format = Format.DECIMAL_SI;
        }
        return new ResourceQuantity(p.negative() ? v.negate() : v, format, wide);
    }

    /** Whether ParseQuantity keeps the value as an int64 and a scale (its fast path) rather than an inf.Dec. */
    private static boolean fitsFastPath(Parts p, Format format, int exponent) {
        int digits = p.num().length() + p.denom().length();
        if (format == Format.BINARY_SI) {
            int precision = 15 - p.num().length() - (int) (exponent * 3f / 10) - 1;
            return p.denom().isEmpty() && precision >= 0;
        }
        return digits <= FAST_DIGITS && exponent - p.denom().length() >= -9;
    }

    public int signum() {
        return amount.signum();
    }

    public int compareTo(ResourceQuantity other) {
        return amount.compareTo(other.amount);
    }

    /** Quantity.MilliValue(): thousandths, rounded up; past an int64 it overflows as Go's does. */
    public long milliValue() {
        return scaled(amount.scaleByPowerOfTen(3));
    }

    /** Quantity.Value(): whole units, rounded up; past an int64 it overflows as Go's does. */
    public long value() {
        return scaled(amount);
    }

    private long scaled(BigDecimal units) {
        if (units.precision() - units.scale() > HUGE_DIGITS) {
            return 0;
        }
        BigInteger whole = units.setScale(0, RoundingMode.CEILING).toBigInteger();
        if (whole.bitLength() < 64) {
            return whole.longValue();
        }
        // The int64 path reports overflow and its callers use the 0 it returns; big.Int's Int64 keeps the low 64 bits.
        return wide ? whole.longValue() : 0;
    }

    /** Quantity.String(): the canonical form, the largest exact suffix of its format ("1500m", "2", "240Mi", "100M"). */
    @Override
    public String toString() {
        if (amount.signum() == 0) {
            return "0";
        }
        Format f = format;
        if (f == Format.BINARY_SI && (amount.abs().compareTo(BigDecimal.valueOf(1024)) < 0 || amount.stripTrailingZeros().scale() > 0)) {
            f = Format.DECIMAL_SI;
        }
        if (f == Format.BINARY_SI) {
            BigInteger n = amount.toBigIntegerExact();
            int p = 0;
            while (p < BINARY_SUFFIXES.length - 1 && n.mod(KI).signum() == 0) {
                n = n.divide(KI);
                p++;
            }
            return n + BINARY_SUFFIXES[p];
        }
        // Nanounits are the finest precision; anything finer rounds up. (A whole value is never padded
        // out: 1e999999999 has a billion digits.)
        BigDecimal v = (amount.scale() > 9 ? amount.setScale(9, RoundingMode.CEILING) : amount).stripTrailingZeros();
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

    /**
     * parseQuantityString: the sign, the digits before and after the point (leading zeros
     * dropped), and what follows as the suffix.
     */
    private record Parts(boolean negative, String num, String denom, String suffix) {
        static Parts of(String s) throws Invalid {
            int pos = 0;
            int end = s.length();
            boolean negative = false;
            if (s.charAt(0) == '-' || s.charAt(0) == '+') {
                negative = s.charAt(0) == '-';
                pos++;
            }
            while (pos < end && s.charAt(pos) == '0') {
                pos++;
            }
            if (pos >= end) {
                return new Parts(negative, "0", "", "");
            }
            int start = pos;
            while (pos < end && isDigit(s.charAt(pos))) {
                pos++;
            }
            String num = pos == start ? "0" : s.substring(start, pos);
            String denom = "";
            if (pos < end && s.charAt(pos) == '.') {
                int from = ++pos;
                while (pos < end && isDigit(s.charAt(pos))) {
                    pos++;
                }
                denom = s.substring(from, pos);
            }
            int suffixStart = pos;
            while (pos < end && "eEinumkKMGTP".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            if (pos < end && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
                pos++;
            }
            while (pos < end && isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos < end) {
                throw new Invalid(FORMAT_WRONG);
            }
            return new Parts(negative, num, denom, s.substring(suffixStart));
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        /** num.denom as a number; a digit string of any length is read in time linear in it. */
        BigDecimal magnitude() {
            String digits = num + denom;
            if (digits.length() > HUGE_DIGITS) {
                // Only the size of such a number matters (every accessor overflows): keep its leading digits.
                return new BigDecimal(new BigInteger(digits.substring(0, HUGE_DIGITS)), HUGE_DIGITS - num.length());
            }
            return new BigDecimal(new BigInteger(digits), denom.length());
        }
    }
}
