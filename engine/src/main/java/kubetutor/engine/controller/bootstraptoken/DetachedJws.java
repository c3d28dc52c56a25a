package kubetutor.engine.controller.bootstraptoken;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The signature the bootstrap signer puts beside cluster-info's kubeconfig: a JWS (HS256, keyed by
 * the token's secret, the token's ID as kid) over the kubeconfig, with the payload cut out of the
 * compact form ({@code header..signature}), so a joining node that knows the token can check the
 * kubeconfig it fetched anonymously.
 */
final class DetachedJws {
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private DetachedJws() {}

    static String sign(String content, String tokenId, String tokenSecret) {
        String header = B64URL.encodeToString(("{\"alg\":\"HS256\",\"kid\":\"" + tokenId + "\"}").getBytes(StandardCharsets.UTF_8));
        String payload = B64URL.encodeToString(content.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tokenSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + ".." + B64URL.encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
