package kubetutor.apiserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The kubeconfig a client reads to reach {@code serve}: the names kubeadm's admin.conf has (so
 * prompts and {@code config view} read as on the course's cluster), a loopback https server and its certificate and
 * the bearer token.
 */
public final class Kubeconfig {
    private Kubeconfig() {}

    static String text(int port, String token, String authorityData) {
        return "apiVersion: v1\n"
                + "clusters:\n"
                + "- cluster:\n"
                + "    certificate-authority-data: " + authorityData + "\n"
                + "    server: https://127.0.0.1:" + port + "\n"
                + "  name: kubernetes\n"
                + "contexts:\n"
                + "- context:\n"
                + "    cluster: kubernetes\n"
                + "    user: kubernetes-admin\n"
                + "  name: kubernetes-admin@kubernetes\n"
                + "current-context: kubernetes-admin@kubernetes\n"
                + "kind: Config\n"
                + "preferences: {}\n"
                + "users:\n"
                + "- name: kubernetes-admin\n"
                + "  user:\n"
                + "    token: " + token + "\n";
    }

    /** Written whole or not at all, readable by its owner only (it holds the token). */
    public static void write(Path file, int port, String token, String authorityData) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".kubeconfig", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own defaults apply
        }
        Files.writeString(tmp, text(port, token, authorityData));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
