package kubetutor.engine.api;

/** Kubernetes resource quantities ("500m", "2", "64Mi", "1G") as the numbers the scheduler and kubelet add up. */
public final class Quantities {
    private Quantities() {}

    /** CPU in millicores: "500m" is 500, "2" is 2000, "0.5" is 500 (Quantity.MilliValue). */
    public static long parseMillis(String q) {
        return ResourceQuantity.parseOrZero(q).milliValue();
    }

    /** Memory in bytes (Quantity.Value): binary (Ki, Mi, Gi, ...) and decimal (k, M, G, ...) suffixes, or a plain number. */
    public static long parseBytes(String q) {
        return ResourceQuantity.parseOrZero(q).value();
    }
}
