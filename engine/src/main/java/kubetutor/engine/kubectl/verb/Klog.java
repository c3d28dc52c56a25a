package kubetutor.engine.kubectl.verb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Lines kubectl writes through klog rather than as "error: ..." (cobra's required-flag error,
 * deprecation warnings): {@code Lmmdd hh:mm:ss.uuuuuu PID file:line] message}. The time is the
 * simulated clock (UTC); the process id is a fixed stand-in, since there is no kubectl process.
 */
public final class Klog {
    static final int PID = 4242;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMdd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private Klog() {}

    public static String line(char severity, Instant now, String source, String message) {
        return severity + TIME.format(now) + " " + String.format("%7d", PID) + " " + source + "] " + message;
    }
}
