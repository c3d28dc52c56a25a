package kubetutor.engine.session;

import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.KubeConfig;
import kubetutor.engine.kubectl.verb.KubeConfigFile;
import kubetutor.engine.workspace.Entry;
import kubetutor.engine.workspace.Workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which kubeconfig kubectl reads, by client-go's loading rules (clientcmd.ClientConfigLoadingRules):
 * the file {@code --kubeconfig} names; else the files of {@code $KUBECONFIG} (colon-separated;
 * missing ones skipped) merged, the first to set a context or the current context winning; else
 * {@code ~/.kube/config}. Every path is a workspace path, as every file name a command gives.
 *
 * @param explicit the --kubeconfig flag's file, or null
 * @param envFiles $KUBECONFIG's files when it is exported and not empty, else empty
 */
record KubeconfigLoading(String explicit, List<String> envFiles) {

    static KubeconfigLoading of(List<String> args, Optional<String> kubeconfigEnv) {
        String explicit = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                break;
            }
            if (a.equals("--kubeconfig") && i + 1 < args.size()) {
                explicit = args.get(++i);
            } else if (a.startsWith("--kubeconfig=")) {
                explicit = a.substring("--kubeconfig=".length());
            }
        }
        List<String> env = new ArrayList<>();
        for (String f : kubeconfigEnv.orElse("").split(":")) {
            if (!f.isEmpty()) {
                env.add(f);
            }
        }
        return new KubeconfigLoading(explicit == null || explicit.isEmpty() ? null : explicit, List.copyOf(env));
    }

    /** Neither --kubeconfig nor $KUBECONFIG: the tutor's ~/.kube/config, made on first use. */
    boolean usesHome() {
        return explicit == null && envFiles.isEmpty();
    }

    /**
     * The merged kubeconfig, or kubectl's error: a --kubeconfig file that does not exist stops a
     * command that needs the server ("stat FILE"), while config commands start from an empty one.
     */
    KubeConfig load(Workspace files, boolean needsServer) {
        if (usesHome()) {
            return TutorHome.kubeconfig(files);
        }
        if (explicit != null) {
            Entry e = files.look(explicit);
            if (e instanceof Entry.File f) {
                return KubeConfigFile.parse(f.text(), explicit);
            }
            if (e instanceof Entry.Directory) {
                throw new UsageException("error: error loading config file \"" + explicit + "\": read " + explicit
                        + ": is a directory");
            }
            if (needsServer) {
                throw new UsageException("error: stat " + explicit + ": no such file or directory");
            }
            return empty();
        }
        KubeConfig merged = null;
        for (String file : envFiles) {
            Entry e = files.look(file);
            if (!(e instanceof Entry.File f)) {
                continue;
            }
            KubeConfig next = KubeConfigFile.parse(f.text(), file);
            if (merged == null) {
                merged = next;
                continue;
            }
            for (KubeConfig.Context c : next.contexts().values()) {
                merged.contexts().putIfAbsent(c.name(), c);
            }
            if (merged.currentContext().isEmpty()) {
                merged.use(next.currentContext());
            }
            merged.hasAdmin(merged.hasAdmin() || next.hasAdmin());
            merged.servedClusters().addAll(next.servedClusters());
        }
        return merged == null ? empty() : merged;
    }

    /**
     * Writes what a config command changed (clientcmd's ModifyConfig): all of it to the --kubeconfig
     * file; with $KUBECONFIG, each changed context to the file that holds it (a new one, and the
     * current context, to {@link #destination}), so the other files keep what they had. The error
     * when a file cannot be written.
     */
    Optional<String> save(Workspace files, KubeConfig before, KubeConfig after, Function<KubeConfig, String> text) {
        if (explicit != null) {
            return write(files, explicit, text.apply(after));
        }
        Map<String, KubeConfig> edited = new LinkedHashMap<>();
        String dest = destination(files);
        if (!before.currentContext().equals(after.currentContext())) {
            fileConfig(files, dest, edited).use(after.currentContext());
        }
        Set<String> names = new TreeSet<>(before.contexts().keySet());
        names.addAll(after.contexts().keySet());
        for (String name : names) {
            KubeConfig.Context was = before.context(name);
            KubeConfig.Context is = after.context(name);
            if (Objects.equals(was, is)) {
                continue;
            }
            KubeConfig file = fileConfig(files, holder(files, name).orElse(dest), edited);
            if (is == null) {
                file.contexts().remove(name);
            } else {
                file.put(is);
            }
        }
        for (Map.Entry<String, KubeConfig> e : edited.entrySet()) {
            Optional<String> failed = write(files, e.getKey(), text.apply(e.getValue()));
            if (failed.isPresent()) {
                return failed;
            }
        }
        return Optional.empty();
    }

    private Optional<String> holder(Workspace files, String context) {
        for (String f : envFiles) {
            if (files.look(f) instanceof Entry.File file && KubeConfigFile.parse(file.text(), f).context(context) != null) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static KubeConfig fileConfig(Workspace files, String file, Map<String, KubeConfig> edited) {
        return edited.computeIfAbsent(file, f -> files.look(f) instanceof Entry.File text
                ? KubeConfigFile.parse(text.text(), f) : empty());
    }

    private static Optional<String> write(Workspace files, String file, String text) {
        int slash = file.lastIndexOf('/');
        return (slash > 0 ? files.makeDirectories(file.substring(0, slash)) : Optional.<String>empty())
                .or(() -> files.writeFile(file, text));
    }

    /**
     * Where a config command writes when not to ~/.kube/config (clientcmd's
     * PathOptions.GetDefaultFilename): the --kubeconfig file; the only $KUBECONFIG file, or the first
     * of them that exists, or the last.
     */
    private String destination(Workspace files) {
        if (explicit != null) {
            return explicit;
        }
        for (String f : envFiles) {
            if (envFiles.size() > 1 && files.look(f) instanceof Entry.File) {
                return f;
            }
        }
        return envFiles.get(envFiles.size() - 1);
    }

    private static KubeConfig empty() {
        KubeConfig kc = new KubeConfig();
        kc.contexts().clear();
        kc.use("");
        kc.hasAdmin(false);
        kc.servedClusters().clear();
        return kc;
    }
}
