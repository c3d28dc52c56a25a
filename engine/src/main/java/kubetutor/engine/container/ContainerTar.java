package kubetutor.engine.container;

import kubetutor.engine.container.sh.VirtualFs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The container's busybox tar as {@code kubectl cp} drives it through exec: {@code tar cf - PATH}
 * packs a file or a tree for copying out, {@code tar -xmf - -C DIR} unpacks what kubectl sends in.
 * Archives are lists of members (the simulated file systems hold text), with tar's messages.
 */
public final class ContainerTar {
    /** One entry of an archive: its name as tar stores it (no leading '/'), and a file's text. */
    public record Member(String name, boolean directory, String text) {}

    /** What {@code tar cf -} wrote: the members, what it said on stderr, and its exit status. */
    public record Archive(List<Member> members, String stderr, int exitCode) {}

    /** What {@code tar -xf -} said on stderr, and its exit status. */
    public record Extracted(String stderr, int exitCode) {}

    private ContainerTar() {}

    static Archive create(VirtualFs fs, String path) {
        String absolute = VirtualFs.resolve("/", path);
        if (!fs.exists(absolute)) {
            // busybox goes on with the other names, then exits 1 saying why
            return new Archive(List.of(), "tar: " + path + ": No such file or directory\n"
                    + "tar: error exit delayed from previous errors\n", 1);
        }
        String name = path;
        String said = "";
        if (name.startsWith("/")) {
            // busybox strips it so that extracting never writes outside the target directory
            said = "tar: removing leading '/' from member names\n";
            name = name.replaceFirst("^/+", "");
        }
        List<Member> members = new ArrayList<>();
        add(fs, absolute, name.isEmpty() ? "." : name, members);
        return new Archive(List.copyOf(members), said, 0);
    }

    private static void add(VirtualFs fs, String absolute, String name, List<Member> into) {
        if (fs.isDirectory(absolute)) {
            into.add(new Member(name.endsWith("/") ? name : name + "/", true, ""));
            for (VirtualFs.Entry e : fs.list(absolute)) {
                add(fs, absolute.equals("/") ? "/" + e.name() : absolute + "/" + e.name(),
                        (name.endsWith("/") ? name : name + "/") + e.name(), into);
            }
        } else {
            into.add(new Member(name, false, fs.read(absolute).orElse("")));
        }
    }

    static Extracted extract(VirtualFs fs, String dir, List<Member> members, Instant when) {
        String base = VirtualFs.resolve("/", dir.isEmpty() ? "." : dir);
        if (!fs.isDirectory(base)) {
            return new Extracted("tar: can't change directory to '" + dir + "': No such file or directory\n", 1);
        }
        StringBuilder said = new StringBuilder();
        for (Member m : members) {
            String target = VirtualFs.resolve(base, m.name());
            if (m.directory()) {
                fs.mkdirs(target, when);
            } else if (fs.isDirectory(target)) {
                said.append("tar: can't remove old file ").append(m.name()).append(": Is a directory\n");
                return new Extracted(said.toString(), 1);
            } else {
                fs.mkdirs(parent(target), when);
                fs.write(target, m.text(), when);
            }
        }
        return new Extracted(said.toString(), 0);
    }

    private static String parent(String absolute) {
        int slash = absolute.lastIndexOf('/');
        return slash <= 0 ? "/" : absolute.substring(0, slash);
    }
}
