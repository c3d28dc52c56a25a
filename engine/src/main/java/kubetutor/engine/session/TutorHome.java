package kubetutor.engine.session;

import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.kubectl.KubeConfig;
import kubetutor.engine.kubectl.verb.KubeConfigFile;
import kubetutor.engine.workspace.DiskWorkspace;
import kubetutor.engine.workspace.Entry;
import kubetutor.engine.workspace.Workspace;
import kubetutor.engine.workspace.WorkspaceRoot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tutor's home, {@code /root} in the workspace (the course works as root on the control-plane
 * node): what {@code ~} and {@code $HOME} name, and where kubectl's {@code ~/.kube/config} is. It
 * is made the first time something uses it, so a workspace that never needs it stays as it was;
 * until then kubectl reads kubeadm's admin.conf as the file would hold it. The learner's own
 * {@code ~/.kube/config} on the host is never read: it may point at a real cluster.
 */
final class TutorHome {
    static final String HOME = "/root";

    private TutorHome() {}

    /** Makes the home and its kubeconfig (kubeadm's admin.conf) when they are not there yet. */
    static void ensure(WorkspaceRoot root, Cluster cluster) {
        Path home = root.resolve(root.path(), HOME);
        Path config = root.resolve(root.path(), KubeConfigFile.PATH);
        if (home == null || config == null || Files.exists(home)) {
            return;
        }
        write(config, KubeConfigFile.text(new KubeConfig(), cluster));
    }

    /**
     * The kubeconfig kubectl reads now; throws kubectl's error for one it cannot load. A home that
     * was never made reads as the file it would be made with; a home whose file was removed has none.
     */
    static KubeConfig kubeconfig(Workspace files) {
        Entry e = files.look(KubeConfigFile.PATH);
        if (e instanceof Entry.File f) {
            return KubeConfigFile.parse(f.text());
        }
        if (files.look(HOME) instanceof Entry.Missing) {
            return new KubeConfig();
        }
        return KubeConfigFile.parse("");
    }

    /** Writes the kubeconfig back, as clientcmd does after a config command changed it. */
    static void save(WorkspaceRoot root, KubeConfig kc, Cluster cluster) {
        Path config = root.resolve(root.path(), KubeConfigFile.PATH);
        if (config != null) {
            write(config, KubeConfigFile.text(kc, cluster));
        }
    }

    /**
     * What load does with the kubeconfig the replayed commands left ({@code replayed}, null when
     * none read it): the snapshot carries it, so it goes back to ~/.kube/config when it differs
     * there (the rest of the workspace stays as it is).
     */
    static void restore(WorkspaceRoot root, KubeConfig replayed, Cluster cluster) {
        if (replayed == null) {
            return;
        }
        String text = KubeConfigFile.text(replayed, cluster);
        String now;
        try {
            now = KubeConfigFile.text(kubeconfig(new DiskWorkspace(root, root.path())), cluster);
        } catch (RuntimeException e) {
            now = null; // unreadable: replaced
        }
        if (!text.equals(now)) {
            save(root, replayed, cluster);
        }
    }

    private static void write(Path config, String text) {
        try {
            Files.createDirectories(config.getParent());
            Files.writeString(config, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
