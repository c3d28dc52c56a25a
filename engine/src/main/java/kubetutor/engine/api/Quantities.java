package kubetutor.engine.api;

import java.math.BigDecimal;

/** Kubernetes resource quantities ("500m", "2", "64Mi", "1G") as numbers the scheduler can add. */
public final class Quantities {
    private Quantities() {}

    /** CPU in millicores: "500m" is 500, "2" is 2000, "0.5" is 500. */
    public static long parseMillis(String q) {
        if (q == null || q.isEmpty()) {
            return 0;
        }
        if (q.endsWith("m")) {
            return Long.parseLong(q.substring(0, q.length() - 1));
        }
        return new BigDecimal(q).multiply(BigDecimal.valueOf(1000)).longValue();
    }

    /** Memory in bytes: binary (Ki, Mi, Gi, Ti) and decimal (k, M, G, T) suffixes, or a plain number. */
    public static long parseBytes(String q) {
        if (q == null || q.isEmpty()) {
            return 0;
        }
        String[][] suffixes = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
                {"k", "1000"}, {"M", "1000000"}, {"G", "1000000000"}, {"T", "1000000000000"}, {"m", "0.001"}};
        for (String[] s : suffixes) {
            if (q.endsWith(s[0])) {
                return new BigDecimal(q.substring(0, q.length() - s[0].length()))
                        .multiply(new BigDecimal(s[1])).longValue();
            }
        }
        return new BigDecimal(q).longValue();
    }
}
