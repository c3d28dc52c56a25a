package kubetutor.engine.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The learner's workspace seen as a file system of its own, as a chroot shows one: "/" is its top,
 * ".." stops there, and a symbolic link that leads out of it leads nowhere. Every name a command
 * gives (cat, ls, cd, save, load, a redirect, kubectl -f, a notebook's %%file) is resolved here, so
 * that nothing typed, and nothing in a shared snapshot or notebook, reaches the rest of the host.
 */
public final class WorkspaceRoot {
    private final Path root;

    public WorkspaceRoot(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path path() {
        return root;
    }

    /**
     * Where {@code name} is on the host, read from the workspace directory {@code cwd}; null when it
     * can only be reached through a link out of the workspace (then it does not exist, as far as
     * the workspace can tell).
     */
    public Path resolve(Path cwd, String name) {
        Deque<String> segments = new ArrayDeque<>();
        if (!name.startsWith("/")) {
            root.relativize(cwd).forEach(p -> push(segments, p.toString()));
        }
        for (String s : name.split("/")) {
            push(segments, s);
        }
        Path p = root;
        try {
            for (String s : segments) {
                p = p.resolve(s);
            }
        } catch (InvalidPathException e) {
            return null; // a name the host cannot have (a NUL in it) names nothing
        }
        return staysInside(p) ? p : null;
    }

    private static void push(Deque<String> segments, String s) {
        if (s.isEmpty() || s.equals(".")) {
            return;
        }
        if (s.equals("..")) {
            segments.pollLast(); // at the top, ".." is the top itself
        } else {
            segments.addLast(s);
        }
    }

    /** Whether what exists of {@code p} is, with its links followed, still in the workspace. */
    private boolean staysInside(Path p) {
        try {
            Path existing = p;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing != null && existing.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** How the workspace names a directory in it: "/" for its top, "/a/b" below (what pwd prints). */
    public String show(Path dir) {
        Path relative = root.relativize(dir);
        return relative.toString().isEmpty() ? "/" : "/" + relative.toString().replace('\\', '/');
    }
}
