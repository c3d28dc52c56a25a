package kubetutor.engine.container.sh;

import java.time.Duration;

/**
 * How a connection to an address that never answers ends: Linux gives up after its SYN retries
 * (net.ipv4.tcp_syn_retries = 6, about 130 s), unless the client's own timer fires first. What
 * curl 7.88 and busybox wget say then, and how long they waited: the time the clock moves.
 *
 * @param waited  how long the client waited before it gave up
 * @param status  its exit status
 * @param message what it says on standard error (a whole line)
 */
public record ConnectTimeout(Duration waited, int status, String message) {
    /** How long the kernel's SYN retries take before connect() fails with ETIMEDOUT. */
    public static final Duration KERNEL = Duration.ofMillis(130_000);

    /**
     * curl: --connect-timeout bounds the connect, -m/--max-time the whole transfer; the one that
     * fires first words the error ({@code null} or zero: no such timer).
     */
    public static ConnectTimeout curl(String host, int port, Duration connectTimeout, Duration maxTime) {
        Duration connect = set(connectTimeout) ? connectTimeout : null;
        Duration max = set(maxTime) ? maxTime : null;
        if (max != null && max.compareTo(KERNEL) < 0 && (connect == null || max.compareTo(connect) < 0)) {
            return new ConnectTimeout(max, 28, "curl: (28) Connection timed out after " + max.toMillis() + " milliseconds\n");
        }
        if (connect != null && connect.compareTo(KERNEL) < 0) {
            return new ConnectTimeout(connect, 28, "curl: (28) Failed to connect to " + host + " port " + port + " after "
                    + connect.toMillis() + " ms: Timeout was reached\n");
        }
        return new ConnectTimeout(KERNEL, 28, "curl: (28) Failed to connect to " + host + " port " + port + " after "
                + KERNEL.toMillis() + " ms: Couldn't connect to server\n");
    }

    /** busybox wget: -T SEC arms an alarm around the connect (0 disarms it; the default is 900 s). */
    public static ConnectTimeout wget(String ip, int timeoutSeconds) {
        Duration alarm = Duration.ofSeconds(timeoutSeconds);
        if (timeoutSeconds > 0 && alarm.compareTo(KERNEL) < 0) {
            return new ConnectTimeout(alarm, 1, "wget: download timed out\n");
        }
        return new ConnectTimeout(KERNEL, 1, "wget: can't connect to remote host (" + ip + "): Connection timed out\n");
    }

    /**
     * A curl timeout's value: seconds, a decimal fraction allowed ("1.5"); null when curl would say
     * "expected a proper numerical parameter".
     */
    public static Duration curlSeconds(String value) {
        if (!value.matches("\\d+(\\.\\d*)?|\\.\\d+")) {
            return null;
        }
        return Duration.ofMillis(new java.math.BigDecimal(value).movePointRight(3).longValue());
    }

    private static boolean set(Duration d) {
        return d != null && !d.isZero();
    }
}
