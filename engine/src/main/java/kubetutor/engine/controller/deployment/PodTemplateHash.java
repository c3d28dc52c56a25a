package kubetutor.engine.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The pod-template-hash (controller.ComputeHash) and the template comparison that ignores it
 * (EqualIgnoreHash).
 *
 * <p>Kubernetes hashes with FNV-32a what spew prints of the Go PodTemplateSpec struct ({@code %#v}
 * with sorted keys: every field, zero values and nil pointers included, with Go type names), adds
 * the collision count, and writes the 32-bit sum in decimal through apimachinery's
 * SafeEncodeString. Spew's text of a Go struct cannot be rebuilt from JSON, so the names differ
 * from a real cluster's: here FNV-32a runs over the template's JSON with its keys sorted at every
 * level. The rest is as in Kubernetes: the collision count's 8 bytes (little-endian), the decimal
 * sum, and the encoding that maps each digit into the name-safe alphabet, so hashes use only
 * {@code 4 5 6 7 8 9 b c d f}, as real ones do.
 */
public final class PodTemplateHash {
    static final String LABEL = "pod-template-hash";
    /** apimachinery rand's alphanums: no vowels, no 0, 1 or 3. */
    private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";
    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    private PodTemplateHash() {}

    /** @param collisionCount the deployment's status.collisionCount, or null when it has none */
    static String of(JsonNode template, Integer collisionCount) {
        int h = FNV_OFFSET;
        for (byte b : canonical(template).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * FNV_PRIME;
        }
        if (collisionCount != null) {
            // binary.LittleEndian.PutUint32 into an 8-byte buffer: four bytes of count, four zeros.
            for (int i = 0; i < 8; i++) {
                int b = i < 4 ? (collisionCount >>> (8 * i)) & 0xff : 0;
                h = (h ^ b) * FNV_PRIME;
            }
        }
        return safeEncode(Integer.toUnsignedString(h));
    }

    /** rand.SafeEncodeString: each character to the alphabet by its code, modulo the alphabet's size. */
    static String safeEncode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.append(ALPHANUMS.charAt(s.charAt(i) % ALPHANUMS.length()));
        }
        return out.toString();
    }

    /**
     * EqualIgnoreHash: the same template once both lose their pod-template-hash label. Go's
     * semantic equality takes a nil map for an empty one, so a template whose only label was the
     * hash equals one without labels. Compared as canonical text, so neither the order of keys nor
     * how a number was read (int or long) makes two templates differ.
     */
    public static boolean equalIgnoreHash(JsonNode a, JsonNode b) {
        return canonical(withoutHash(a)).equals(canonical(withoutHash(b)));
    }

    private static JsonNode withoutHash(JsonNode template) {
        if (!(template instanceof ObjectNode t) || !t.path("metadata").isObject()) {
            return template;
        }
        ObjectNode meta = Meta.shallowCopy((ObjectNode) t.get("metadata"));
        if (meta.path("labels") instanceof ObjectNode labels && labels.has(LABEL)) {
            ObjectNode rest = Meta.shallowCopy(labels);
            rest.remove(LABEL);
            meta.set("labels", rest);
        }
        for (String map : new String[] {"labels", "annotations"}) {
            if (meta.path(map).isObject() && meta.get(map).isEmpty()) {
                meta.remove(map);
            }
        }
        ObjectNode copy = Meta.shallowCopy(t);
        copy.set("metadata", meta);
        return copy;
    }

    /** The template's JSON with object keys sorted, so that the order fields were written in does not count. */
    private static String canonical(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            Collections.sort(keys);
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(Meta.JSON.textNode(keys.get(i))).append(':');
                write(node.get(keys.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(node);
        }
    }
}
