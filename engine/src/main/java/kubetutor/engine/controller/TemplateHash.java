package kubetutor.engine.controller;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.sim.Rng;

import java.nio.charset.StandardCharsets;

/**
 * controller.ComputeHash: the name suffix of a template's revision (a DaemonSet's
 * controller-revision-hash, a Deployment's pod-template-hash). The real one is FNV-32a over Go's
 * printing of the template struct, then the collision count; here it is FNV-32a over the stored
 * template's JSON, which is as stable. The decimal digits of the sum are then spelled in the
 * generated-name alphabet (rand.SafeEncodeString), so a hash only has the letters 456789bcdf.
 */
public final class TemplateHash {
    private TemplateHash() {}

    public static String of(JsonNode template, int collisionCount) {
        int h = 0x811c9dc5;
        for (byte b : template.toString().getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x01000193;
        }
        if (collisionCount != 0) {
            for (int i = 0; i < 4; i++) {
                h = (h ^ ((collisionCount >>> (8 * i)) & 0xff)) * 0x01000193;
            }
        }
        String digits = Long.toString(Integer.toUnsignedLong(h));
        StringBuilder out = new StringBuilder(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            out.append(Rng.NAME_ALPHABET.charAt(digits.charAt(i) % Rng.NAME_ALPHABET.length()));
        }
        return out.toString();
    }
}
