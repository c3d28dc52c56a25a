package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The field formats describe.go shares between kinds: times, label/annotation blocks, taints, tolerations. */
final class Fields {
    /** Go's time.RFC1123Z; kubetutor's client runs in UTC. */
    private static final DateTimeFormatter RFC1123Z =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    /** Annotations longer than this are printed folded under their key (describe.go maxAnnotationLen). */
    private static final int MAX_ANNOTATION_LEN = 140;

    private Fields() {}

    static String time(Instant t) {
        return RFC1123Z.format(t);
    }

    /** A metav1.Time field in RFC1123Z; a missing one is Go's zero time. */
    static String time(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return "Mon, 01 Jan 0001 00:00:00 +0000";
        }
        return time(Instant.parse(node.asText()));
    }

    static String orNone(String s) {
        return s == null || s.isEmpty() ? "<none>" : s;
    }

    static String bool(boolean b) {
        return b ? "True" : "False";
    }

    /** printLabelsMultiline: "Title:\tk=v" sorted by key, continuation lines start with a tab. */
    static void labels(DescribeWriter w, String title, Map<String, String> labels) {
        w.write(0, title + ":\t");
        if (labels.isEmpty()) {
            w.write(0, "<none>\n");
            return;
        }
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
            if (!first) {
                w.write(0, "\t");
            }
            w.write(0, e.getKey() + "=" + e.getValue() + "\n");
            first = false;
        }
    }

    /**
     * printAnnotationsMultiline: "key: value" sorted, last-applied-configuration skipped, long or
     * multi-line values folded under the key and cut at 140 characters.
     */
    static void annotations(DescribeWriter w, Map<String, String> annotations) {
        annotations(w, "Annotations", annotations);
    }

    /** The same block under another title: a pod template's is "  Annotations". */
    static void annotations(DescribeWriter w, String title, Map<String, String> annotations) {
        w.write(0, title + ":\t");
        TreeMap<String, String> sorted = new TreeMap<>(annotations);
        sorted.remove("kubectl.kubernetes.io/last-applied-configuration");
        if (sorted.isEmpty()) {
            w.write(0, "<none>\n");
            return;
        }
        boolean first = true;
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (!first) {
                w.write(0, "\t");
            }
            first = false;
            String value = e.getValue().endsWith("\n") ? e.getValue().substring(0, e.getValue().length() - 1) : e.getValue();
            if (value.length() + e.getKey().length() + 2 > MAX_ANNOTATION_LEN || value.contains("\n")) {
                w.write(0, e.getKey() + ":\n");
                for (String s : value.split("\n", -1)) {
                    String cut = s.length() > MAX_ANNOTATION_LEN - 2 ? s.substring(0, MAX_ANNOTATION_LEN - 2) + "..." : s;
                    w.write(0, "\t  " + cut + "\n");
                }
            } else {
                w.write(0, e.getKey() + ": " + value + "\n");
            }
        }
    }

    /** printPodTolerationsMultiline: sorted by key, "key[=value][:effect][ op=Exists][ for Ns]". */
    static void tolerations(DescribeWriter w, JsonNode tolerations) {
        tolerations(w, "Tolerations", tolerations);
    }

    /** The same block under another title: a pod template's is "  Tolerations". */
    static void tolerations(DescribeWriter w, String title, JsonNode tolerations) {
        w.write(0, title + ":\t");
        List<JsonNode> list = new ArrayList<>();
        tolerations.forEach(list::add);
        if (list.isEmpty()) {
            w.write(0, "<none>\n");
            return;
        }
        list.sort(Comparator.comparing(t -> t.path("key").asText("")));
        boolean first = true;
        for (JsonNode t : list) {
            if (!first) {
                w.write(0, "\t");
            }
            first = false;
            String key = t.path("key").asText("");
            String value = t.path("value").asText("");
            String effect = t.path("effect").asText("");
            StringBuilder s = new StringBuilder(key);
            if (!value.isEmpty()) {
                s.append('=').append(value);
            }
            if (!effect.isEmpty()) {
                s.append(':').append(effect);
            }
            if (t.path("operator").asText("").equals("Exists") && value.isEmpty()) {
                s.append(key.isEmpty() && effect.isEmpty() ? "op=Exists" : " op=Exists");
            }
            if (t.hasNonNull("tolerationSeconds")) {
                s.append(" for ").append(t.get("tolerationSeconds").asLong()).append('s');
            }
            w.write(0, s + "\n");
        }
    }

    /** printNodeTaintsMultiline: sorted by "effect,key", each as key[=value]:effect. */
    static void taints(DescribeWriter w, JsonNode taints) {
        w.write(0, "Taints:\t");
        List<JsonNode> list = new ArrayList<>();
        taints.forEach(list::add);
        if (list.isEmpty()) {
            w.write(0, "<none>\n");
            return;
        }
        list.sort(Comparator.comparing(t -> t.path("effect").asText("") + "," + t.path("key").asText("")));
        boolean first = true;
        for (JsonNode t : list) {
            if (!first) {
                w.write(0, "\t");
            }
            first = false;
            String value = t.path("value").asText("");
            w.write(0, t.path("key").asText("") + (value.isEmpty() ? "" : "=" + value) + ":" + t.path("effect").asText("") + "\n");
        }
    }
}
