package kubetutor.engine.kubectl.printer;

import java.util.Map;
import java.util.TreeMap;

/** labels.FormatLabels: "k1=v1,k2=v2" sorted by key, or "<none>". */
public final class Selectors {
    private Selectors() {}

    public static String formatLabels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "<none>";
        }
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(labels).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }
}
