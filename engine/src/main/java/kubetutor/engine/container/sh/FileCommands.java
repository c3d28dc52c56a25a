package kubetutor.engine.container.sh;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** cat, touch, rm, ls, mkdir, pwd, cd over the container's {@link VirtualFs}, with busybox's messages. */
final class FileCommands {
    private FileCommands() {}

    static void register(Map<String, Command> t) {
        t.put("cat", FileCommands::cat);
        t.put("touch", FileCommands::touch);
        t.put("rm", FileCommands::rm);
        t.put("ls", FileCommands::ls);
        t.put("mkdir", FileCommands::mkdir);
        t.put("pwd", (c, a) -> {
            c.out(c.sh().cwd + "\n");
            return 0;
        });
        t.put("cd", FileCommands::cd);
    }

    /** The operands of a command, its -flags gathered into {@code flags}. */
    static List<String> operands(List<String> argv, StringBuilder flags) {
        List<String> ops = new ArrayList<>();
        boolean done = false;
        for (String a : argv.subList(1, argv.size())) {
            if (!done && a.equals("--")) {
                done = true;
            } else if (!done && a.startsWith("-") && a.length() > 1) {
                flags.append(a.substring(1));
            } else {
                ops.add(a);
            }
        }
        return ops;
    }

    private static int cat(Command.Ctx c, List<String> argv) {
        List<String> files = operands(argv, new StringBuilder());
        if (files.isEmpty()) {
            c.out(c.io().stdin());
            return 0;
        }
        int status = 0;
        for (String f : files) {
            String p = c.path(f);
            if (f.equals("-")) {
                c.out(c.io().stdin());
            } else if (c.fs().isDirectory(p)) {
                c.err("cat: read error: Is a directory\n");
                status = 1;
            } else {
                Optional<String> text = c.fs().read(p);
                if (text.isPresent()) {
                    c.out(text.get());
                } else {
                    c.err("cat: can't open '" + f + "': No such file or directory\n");
                    status = 1;
                }
            }
        }
        return status;
    }

    private static int touch(Command.Ctx c, List<String> argv) {
        int status = 0;
        for (String f : operands(argv, new StringBuilder())) {
            String p = c.path(f);
            if (c.fs().exists(p)) {
                c.fs().touch(p, c.now());
            } else if (!c.fs().write(p, "", c.now())) {
                c.err("touch: " + f + ": No such file or directory\n");
                status = 1;
            }
        }
        return status;
    }

    private static int rm(Command.Ctx c, List<String> argv) {
        StringBuilder flags = new StringBuilder();
        List<String> files = operands(argv, flags);
        boolean force = flags.indexOf("f") >= 0;
        boolean recursive = flags.indexOf("r") >= 0 || flags.indexOf("R") >= 0;
        int status = 0;
        for (String f : files) {
            String p = c.path(f);
            if (!c.fs().exists(p)) {
                if (!force) {
                    c.err("rm: can't remove '" + f + "': No such file or directory\n");
                    status = 1;
                }
            } else if (c.fs().isDirectory(p) && !recursive) {
                c.err("rm: '" + f + "' is a directory\n");
                status = 1;
            } else {
                c.fs().remove(p);
            }
        }
        return status;
    }

    private static int mkdir(Command.Ctx c, List<String> argv) {
        StringBuilder flags = new StringBuilder();
        List<String> dirs = operands(argv, flags);
        boolean parents = flags.indexOf("p") >= 0;
        int status = 0;
        for (String d : dirs) {
            String p = c.path(d);
            if (parents ? c.fs().isDirectory(p) || c.fs().mkdirs(p, c.now()) : c.fs().mkdir(p, c.now())) {
                continue;
            }
            String why = c.fs().exists(p) ? "File exists" : "No such file or directory";
            c.err("mkdir: can't create directory '" + d + "': " + why + "\n");
            status = 1;
        }
        return status;
    }

    private static int cd(Command.Ctx c, List<String> argv) {
        Shell sh = c.sh();
        String target = argv.size() > 1 ? argv.get(1) : sh.get("HOME");
        if (target == null || target.isEmpty()) {
            target = "/";
        }
        if (target.equals("-")) {
            target = sh.get("OLDPWD") == null ? sh.cwd : sh.get("OLDPWD");
            c.out(target + "\n");
        }
        String p = c.path(target);
        if (!c.fs().isDirectory(p)) {
            String why = c.fs().exists(p) ? "Not a directory" : "No such file or directory";
            c.builtinError("cd", "can't cd to " + target + ": " + why);
            return 2;
        }
        sh.vars.put("OLDPWD", sh.cwd);
        sh.cwd = p;
        sh.vars.put("PWD", p);
        return 0;
    }

    private static final DateTimeFormatter LS_TIME = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static int ls(Command.Ctx c, List<String> argv) {
        StringBuilder flags = new StringBuilder();
        List<String> paths = operands(argv, flags);
        boolean longFormat = flags.indexOf("l") >= 0;
        boolean all = flags.indexOf("a") >= 0;
        if (paths.isEmpty()) {
            paths.add(".");
        }
        int status = 0;
        List<String> dirs = new ArrayList<>();
        for (String p : paths) {
            Optional<VirtualFs.Entry> e = c.fs().stat(c.path(p));
            if (e.isEmpty()) {
                c.err("ls: " + p + ": No such file or directory\n");
                status = 1;
            } else if (e.get().directory()) {
                dirs.add(p);
            } else {
                c.out(longFormat ? longLine(e.get(), p) : p + "\n");
            }
        }
        boolean headers = paths.size() > 1;
        for (String d : dirs) {
            if (headers) {
                c.out("\n" + d + ":\n");
            }
            List<VirtualFs.Entry> entries = new ArrayList<>();
            String abs = c.path(d);
            if (all) {
                entries.add(rename(c.fs().stat(abs).get(), "."));
                entries.add(rename(c.fs().stat(VirtualFs.resolve(abs, "..")).get(), ".."));
            }
            for (VirtualFs.Entry e : c.fs().list(abs)) {
                if (all || !e.name().startsWith(".")) {
                    entries.add(e);
                }
            }
            if (longFormat) {
                long blocks = 0;
                for (VirtualFs.Entry e : entries) {
                    blocks += e.directory() ? 4 : (e.size() + 4095) / 4096 * 4;
                }
                c.out("total " + blocks + "\n");
            }
            for (VirtualFs.Entry e : entries) {
                c.out(longFormat ? longLine(e, e.name()) : e.name() + "\n");
            }
        }
        return status;
    }

    private static VirtualFs.Entry rename(VirtualFs.Entry e, String name) {
        return new VirtualFs.Entry(name, e.directory(), e.size(), e.modified());
    }

    /** busybox ls -l: mode, links, owner, group, size, "Mon dd HH:MM", name. */
    private static String longLine(VirtualFs.Entry e, String name) {
        return String.format(Locale.ROOT, "%s %4d %-8s %-8s %9d %s %s\n",
                e.directory() ? "drwxr-xr-x" : "-rw-r--r--", e.directory() ? 2 : 1, "root", "root",
                e.size(), LS_TIME.format(e.modified()), name);
    }
}
