package kubetutor.engine.controller.rootcacertpublisher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The cluster's root CA certificate as kube-root-ca.crt publishes it. The simulated cluster has no
 * key material: this is PEM in shape only, the size of a kubeadm CA (a DER sequence header, then
 * bytes drawn from SHA-256 of a fixed phrase), the same in every session so transcripts hold.
 */
public final class RootCa {
    /** A kubeadm CA certificate's DER length: 0x0305 bytes after its 4-byte header. */
    private static final int DER_LENGTH = 0x0305;
    public static final String PEM = pem("kubetutor simulated cluster root CA");
    /** kubeadm's second CA, front-proxy-ca, which signs the aggregation layer's client certificate. */
    public static final String FRONT_PROXY_PEM = pem("kubetutor simulated front-proxy CA");

    private RootCa() {}

    private static String pem(String phrase) {
        byte[] der = new byte[DER_LENGTH + 4];
        der[0] = 0x30;
        der[1] = (byte) 0x82;
        der[2] = (byte) (DER_LENGTH >> 8);
        der[3] = (byte) DER_LENGTH;
        byte[] block = phrase.getBytes(StandardCharsets.UTF_8);
        for (int at = 4; at < der.length; at += block.length) {
            block = sha256(block);
            System.arraycopy(block, 0, der, at, Math.min(block.length, der.length - at));
        }
        String body = Base64.getEncoder().encodeToString(der);
        StringBuilder pem = new StringBuilder("-----BEGIN CERTIFICATE-----\n");
        for (int i = 0; i < body.length(); i += 64) {
            pem.append(body, i, Math.min(i + 64, body.length())).append('\n');
        }
        return pem.append("-----END CERTIFICATE-----\n").toString();
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
