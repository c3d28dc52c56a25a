package kubetutor.engine.container.sh;

import java.math.BigDecimal;
import java.time.Duration;

/** busybox sleep's argument: a number, maybe fractional, with an optional s, m, h or d suffix. */
final class Durations {
    private Durations() {}

    /** The duration, or null when busybox would say "invalid number". */
    static Duration parse(String text) {
        if (text.isEmpty()) {
            return null;
        }
        long unit = 1;
        String num = text;
        switch (text.charAt(text.length() - 1)) {
            case 's' -> num = text.substring(0, text.length() - 1);
            case 'm' -> {
                unit = 60;
                num = text.substring(0, text.length() - 1);
            }
            case 'h' -> {
                unit = 3600;
                num = text.substring(0, text.length() - 1);
            }
            case 'd' -> {
                unit = 86400;
                num = text.substring(0, text.length() - 1);
            }
            default -> { }
        }
        if (!num.matches("[0-9]*\\.?[0-9]*") || num.equals(".") || num.isEmpty()) {
            return null;
        }
        BigDecimal seconds = new BigDecimal(num.startsWith(".") ? "0" + num : num).multiply(BigDecimal.valueOf(unit));
        long nanos = seconds.movePointRight(9).longValue();
        return Duration.ofNanos(nanos);
    }
}
