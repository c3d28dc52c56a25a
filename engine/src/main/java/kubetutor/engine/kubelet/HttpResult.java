package kubetutor.engine.kubelet;

/**
 * The simulated network's answer to one HTTP GET: a response, or a connection failure. Each client
 * (wget, curl) turns a failure into its own message, so the engine only says what went wrong.
 */
public record HttpResult(int status, String body, Failure failure, String address) {
    public enum Failure { NONE, UNRESOLVED, REFUSED, TIMED_OUT }

    public static HttpResult ok(String body) {
        return new HttpResult(200, body, Failure.NONE, "");
    }

    public static HttpResult response(int status, String body) {
        return new HttpResult(status, body, Failure.NONE, "");
    }

    /** The host name has no DNS record. */
    public static HttpResult unresolved() {
        return new HttpResult(0, "", Failure.UNRESOLVED, "");
    }

    /** Nothing listens at the resolved {@code ip}. */
    public static HttpResult refused(String ip) {
        return new HttpResult(0, "", Failure.REFUSED, ip);
    }

    /** Packets to {@code ip} go nowhere (a dead node). */
    public static HttpResult timedOut(String ip) {
        return new HttpResult(0, "", Failure.TIMED_OUT, ip);
    }
}
