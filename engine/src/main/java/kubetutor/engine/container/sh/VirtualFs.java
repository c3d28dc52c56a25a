package kubetutor.engine.container.sh;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A container's file system: an in-memory tree of directories and text files. Nothing here touches
 * the host. Paths given to the public methods are absolute ("/tmp/healthy"); relative paths are the
 * shell's business ({@link #resolve}). {@link #copy()} is deep, so a cluster snapshot can keep one.
 */
public final class VirtualFs {
    /** A file or a directory; directories keep children sorted by name, as {@code ls} prints them. */
    private static final class Node {
        final boolean dir;
        String text = "";
        final TreeMap<String, Node> children = new TreeMap<>();
        Instant modified;
        /** How much of the text the container's memory holds for it (nothing for the image's files). */
        long charged;

        Node(boolean dir, Instant modified) {
            this.dir = dir;
            this.modified = modified;
        }

        Node deepCopy() {
            Node n = new Node(dir, modified);
            n.text = text;
            children.forEach((k, v) -> n.children.put(k, v.deepCopy()));
            return n;
        }
    }

    /** What {@code ls -l} and {@code test} need to know about an entry. */
    public record Entry(String name, boolean directory, int size, Instant modified) {}

    private final Node root;
    private Memory memory;

    private VirtualFs(Node root) {
        this.root = root;
    }

    /** The skeleton of a busybox image: the directories every container has, and /etc/hostname. */
    public static VirtualFs standard(String hostname, Instant created) {
        VirtualFs fs = new VirtualFs(new Node(true, created));
        for (String d : List.of("/bin", "/dev", "/etc", "/home", "/proc", "/root", "/sys", "/tmp",
                "/usr", "/usr/bin", "/usr/sbin", "/var", "/var/log", "/var/run", "/sbin")) {
            fs.mkdirs(d, created);
        }
        fs.write("/etc/hostname", hostname + "\n", created);
        fs.write("/etc/hosts", "127.0.0.1\tlocalhost\n", created);
        return fs;
    }

    /** An empty tree with only "/" (tests and images that want to build their own). */
    public static VirtualFs empty(Instant created) {
        return new VirtualFs(new Node(true, created));
    }

    public VirtualFs copy() {
        return new VirtualFs(root.deepCopy());
    }

    /** Joins {@code path} onto {@code cwd} and removes ".", ".." and duplicate slashes. */
    public static String resolve(String cwd, String path) {
        String full = path.startsWith("/") ? path : cwd + "/" + path;
        List<String> parts = new ArrayList<>();
        for (String p : full.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(p);
            }
        }
        return "/" + String.join("/", parts);
    }

    private static List<String> segments(String absolute) {
        List<String> out = new ArrayList<>();
        for (String p : resolve("/", absolute).split("/")) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    private Node find(String path) {
        Node n = root;
        for (String s : segments(path)) {
            if (!n.dir) {
                return null;
            }
            n = n.children.get(s);
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    private Node parentOf(String path) {
        List<String> segs = segments(path);
        if (segs.isEmpty()) {
            return null;
        }
        Node p = find("/" + String.join("/", segs.subList(0, segs.size() - 1)));
        return p != null && p.dir ? p : null;
    }

    private static String baseName(String path) {
        List<String> segs = segments(path);
        return segs.isEmpty() ? "/" : segs.get(segs.size() - 1);
    }

    public boolean exists(String path) {
        return find(path) != null;
    }

    public boolean isFile(String path) {
        Node n = find(path);
        return n != null && !n.dir;
    }

    public boolean isDirectory(String path) {
        Node n = find(path);
        return n != null && n.dir;
    }

    public Optional<String> read(String path) {
        Node n = find(path);
        return n == null || n.dir ? Optional.empty() : Optional.of(n.text);
    }

    public Optional<Entry> stat(String path) {
        Node n = find(path);
        return n == null ? Optional.empty()
                : Optional.of(new Entry(baseName(path), n.dir, n.dir ? 4096 : n.text.length(), n.modified));
    }

    /** Creates or replaces a file; false when the parent directory is missing or the path is a directory. */
    public boolean write(String path, String text, Instant when) {
        return put(path, text, false, when);
    }

    /** Appends to a file, creating it; false as for {@link #write}. */
    public boolean append(String path, String text, Instant when) {
        return put(path, text, true, when);
    }

    private boolean put(String path, String text, boolean append, Instant when) {
        Node parent = parentOf(path);
        if (parent == null) {
            return false;
        }
        String name = baseName(path);
        Node n = parent.children.get(name);
        if (n == null) {
            n = new Node(false, when);
            parent.children.put(name, n);
        } else if (n.dir) {
            return false;
        }
        long grows = append ? text.length() : text.length() - n.charged;
        if (memory != null) {
            memory.room(grows);
        }
        n.text = append ? n.text + text : text;
        n.modified = when;
        charge(n, n.text.length());
        return true;
    }

    /** Sets the modification time of an existing entry (touch). */
    public void touch(String path, Instant when) {
        Node n = find(path);
        if (n != null) {
            n.modified = when;
        }
    }

    /** Creates one directory; false when it exists or its parent does not. */
    public boolean mkdir(String path, Instant when) {
        Node parent = parentOf(path);
        if (parent == null || parent.children.containsKey(baseName(path))) {
            return false;
        }
        parent.children.put(baseName(path), new Node(true, when));
        return true;
    }

    /** Creates a directory and its missing parents; false when a file is in the way. */
    public boolean mkdirs(String path, Instant when) {
        Node n = root;
        for (String s : segments(path)) {
            Node next = n.children.get(s);
            if (next == null) {
                next = new Node(true, when);
                n.children.put(s, next);
            } else if (!next.dir) {
                return false;
            }
            n = next;
        }
        return true;
    }

    /** Removes a file or a whole directory tree; false when nothing is there. */
    public boolean remove(String path) {
        Node parent = parentOf(path);
        Node gone = parent == null ? null : parent.children.remove(baseName(path));
        if (gone != null) {
            uncharge(gone);
        }
        return gone != null;
    }

    /**
     * From now on, what is written counts against {@code memory} (the files of the image do not: they
     * are on the node's disk, not in the container's memory).
     */
    public void holdIn(Memory memory) {
        this.memory = memory;
    }

    /** A file now holds {@code size} characters; the difference from what it held is the container's. */
    private void charge(Node n, long size) {
        if (memory != null && size != n.charged) {
            memory.hold(size - n.charged);
        }
        n.charged = size;
    }

    /** What a removed tree held is free again (walked without recursion: a tree may be thousands deep). */
    private void uncharge(Node removed) {
        java.util.ArrayDeque<Node> pending = new java.util.ArrayDeque<>(List.of(removed));
        while (!pending.isEmpty()) {
            Node n = pending.pop();
            pending.addAll(n.children.values());
            if (n.charged != 0 && memory != null && !memory.killed()) {
                memory.hold(-n.charged);
            }
        }
    }

    /** The entries of a directory, sorted by name; empty when it is not a directory. */
    public List<Entry> list(String path) {
        Node n = find(path);
        List<Entry> out = new ArrayList<>();
        if (n == null || !n.dir) {
            return out;
        }
        for (Map.Entry<String, Node> e : n.children.entrySet()) {
            Node c = e.getValue();
            out.add(new Entry(e.getKey(), c.dir, c.dir ? 4096 : c.text.length(), c.modified));
        }
        return out;
    }
}
