package kubetutor.engine.kubectl.verb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * --append-hash (kubectl's util/hash ConfigMapHash): the SHA-256 of the config map's kind, name and
 * data as Go's json.Marshal writes them (keys sorted, HTML characters escaped), cut to its first ten
 * hex digits, with 0, 1, 3, a and e swapped for consonants so no word can form.
 */
final class ConfigMapHash {
    private ConfigMapHash() {}

    static String of(String name, Map<String, String> sortedData) {
        StringBuilder json = new StringBuilder("{\"data\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : sortedData.entrySet()) {
            json.append(first ? "" : ",");
            string(json, e.getKey());
            json.append(':');
            string(json, e.getValue());
            first = false;
        }
        json.append("},\"kind\":\"ConfigMap\",\"name\":");
        string(json, name);
        json.append('}');
        String hex = HexFormat.of().formatHex(sha256(json.toString())).substring(0, 10);
        StringBuilder out = new StringBuilder();
        for (char c : hex.toCharArray()) {
            out.append(switch (c) {
                case '0' -> 'g';
                case '1' -> 'h';
                case '3' -> 'k';
                case 'a' -> 'm';
                case 'e' -> 't';
                default -> c;
            });
        }
        return out.toString();
    }

    /** encoding/json's string encoding: <, > and & as \\u escapes, like the line and paragraph separators. */
    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
