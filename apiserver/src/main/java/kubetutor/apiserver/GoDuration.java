package kubetutor.apiserver;

/** time.Duration.String(): "1h2m3s", "1.5s", "0s" (for metav1.Duration fields). */
final class GoDuration {
    private GoDuration() {}

    static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder(nanos < 0 ? "-" : "");
        long n = Math.abs(nanos);
        if (n < 1_000_000_000L) {
            // sub-second: Go picks ns, µs or ms
            String[] units = {"ns", "µs", "ms"};
            int u = n < 1_000 ? 0 : n < 1_000_000 ? 1 : 2;
            double scaled = n / Math.pow(1000, u);
            return sb.append(trim(scaled)).append(units[u]).toString();
        }
        long h = n / 3_600_000_000_000L;
        long m = n / 60_000_000_000L % 60;
        double s = (n % 60_000_000_000L) / 1e9;
        if (h > 0) {
            sb.append(h).append('h');
        }
        if (h > 0 || m > 0) {
            sb.append(m).append('m');
        }
        return sb.append(trim(s)).append('s').toString();
    }

    private static String trim(double v) {
        String s = java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return s;
    }
}
