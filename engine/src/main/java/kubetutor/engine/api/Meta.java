package kubetutor.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading and writing the common parts of an API object (metadata, timestamps, labels). */
public final class Meta {
    public static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Meta() {}

    public static String name(JsonNode obj) {
        return obj.path("metadata").path("name").asText("");
    }

    public static String namespace(JsonNode obj) {
        return obj.path("metadata").path("namespace").asText("");
    }

    public static String uid(JsonNode obj) {
        return obj.path("metadata").path("uid").asText("");
    }

    public static ObjectNode metadata(ObjectNode obj) {
        JsonNode m = obj.get("metadata");
        if (m instanceof ObjectNode o) {
            return o;
        }
        return obj.putObject("metadata");
    }

    /**
     * A new version of a stored object to write back: its own root and metadata (where the server
     * sets resourceVersion), every other field shared with the stored version. Stored objects are
     * never mutated, so sharing is safe as long as the caller replaces fields rather than edits
     * them; on a busy cluster deep-copying a pod for every status post was most of the work.
     */
    public static ObjectNode newVersion(ObjectNode stored) {
        ObjectNode next = shallowCopy(stored);
        JsonNode meta = stored.get("metadata");
        if (meta instanceof ObjectNode m) {
            next.set("metadata", shallowCopy(m));
        }
        return next;
    }

    /** A new object node with the same fields, in the same order, whose values are shared. */
    public static ObjectNode shallowCopy(ObjectNode node) {
        ObjectNode copy = JSON.objectNode();
        copy.setAll(node);
        return copy;
    }

    public static Map<String, String> labels(JsonNode obj) {
        return stringMap(obj.path("metadata").path("labels"));
    }

    public static Map<String, String> annotations(JsonNode obj) {
        return stringMap(obj.path("metadata").path("annotations"));
    }

    public static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    /**
     * RFC 3339 at second precision, as metav1.Time marshals. Written out by hand for years 0 to 9999:
     * every status post and event carries several, and DateTimeFormatter made a tenth of a busy
     * cluster's work.
     */
    public static String timestamp(Instant t) {
        // One simulated instant stamps many writes in a row (a pod's conditions, its events).
        Stamp last = lastStamp;
        if (last != null && last.second() == t.getEpochSecond()) {
            return last.text();
        }
        String text = format(t);
        lastStamp = new Stamp(t.getEpochSecond(), text);
        return text;
    }

    /**
     * A metav1.MicroTime as it marshals: RFC 3339 with six fractional digits, always
     * ({@code 2026-01-05T08:59:57.123456Z}). Leases carry these.
     */
    public static String microTimestamp(Instant t) {
        String seconds = timestamp(t);
        String micros = Integer.toString(1_000_000 + t.getNano() / 1000).substring(1);
        return seconds.substring(0, seconds.length() - 1) + "." + micros + "Z";
    }

    /** The last timestamp written; immutable, so sessions on other threads read a whole one or none. */
    private record Stamp(long second, String text) {}

    private static volatile Stamp lastStamp;

    private static String format(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        if (d.getYear() < 0 || d.getYear() > 9999) {
            return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
        }
        char[] out = new char[20];
        digits(out, 0, d.getYear(), 4);
        out[4] = '-';
        digits(out, 5, d.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, d.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, d.getHour(), 2);
        out[13] = ':';
        digits(out, 14, d.getMinute(), 2);
        out[16] = ':';
        digits(out, 17, d.getSecond(), 2);
        out[19] = 'Z';
        return new String(out);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    public static Instant parseTime(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String text = node.asText();
        Instant written = parseTimestamp(text);
        return written != null ? written : Instant.parse(text);
    }

    /**
     * Reads back what {@link #timestamp} writes ("2026-01-05T09:00:00Z"), or null for any other
     * shape: a listing reads every object's creationTimestamp, and Instant.parse made a third of it.
     */
    private static Instant parseTimestamp(String s) {
        if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
            return null;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        int hour = number(s, 11, 2);
        int minute = number(s, 14, 2);
        int second = number(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException outOfRange) {
            return null; // a leap second or an impossible date: Instant.parse has the last word
        }
    }

    /** The decimal number in {@code s} at {@code at}, or -1 when a character is not a digit. */
    private static int number(String s, int at, int width) {
        int n = 0;
        for (int i = at; i < at + width; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    public static Instant creationTime(JsonNode obj) {
        return parseTime(obj.path("metadata").get("creationTimestamp"));
    }

    public static Instant deletionTime(JsonNode obj) {
        return parseTime(obj.path("metadata").get("deletionTimestamp"));
    }

    public static boolean isTerminating(JsonNode obj) {
        return obj.path("metadata").has("deletionTimestamp");
    }

    /** The controller owner reference's uid, or null. */
    public static JsonNode controllerRef(JsonNode obj) {
        for (JsonNode ref : obj.path("metadata").path("ownerReferences")) {
            if (ref.path("controller").asBoolean(false)) {
                return ref;
            }
        }
        return null;
    }
}
