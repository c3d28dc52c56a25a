package kubetutor.engine.session;

import kubetutor.engine.command.UsageException;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * mkdir, touch, rm, cp and mv on the workspace's files, with GNU coreutils' messages (the learner's
 * terminal is a Linux node's; the containers' busybox applets work on a virtual file system instead).
 * Every name is resolved inside the workspace, so none of them reaches another file of the host.
 */
final class WorkspaceFiles {
    private final Function<String, Path> resolve;
    private final Sink sink;
    private int status;

    WorkspaceFiles(Function<String, Path> resolve, Sink sink) {
        this.resolve = resolve;
        this.sink = sink;
    }

    static int run(String name, List<String> args, Function<String, Path> resolve, Sink sink) {
        WorkspaceFiles f = new WorkspaceFiles(resolve, sink);
        StringBuilder flags = new StringBuilder();
        List<String> operands = new ArrayList<>();
        boolean done = false;
        for (String a : args) {
            if (!done && a.equals("--")) {
                done = true;
            } else if (!done && a.startsWith("-") && a.length() > 1) {
                flags.append(a.startsWith("--") ? longFlag(a) : a.substring(1));
            } else {
                operands.add(a);
            }
        }
        String fl = flags.toString();
        switch (name) {
            case "mkdir" -> f.mkdir(operands, fl.contains("p"));
            case "touch" -> f.touch(operands);
            case "rm" -> f.rm(operands, fl.contains("r") || fl.contains("R"), fl.contains("f"));
            default -> f.copyOrMove(name, operands, fl.contains("r") || fl.contains("R") || fl.contains("a"));
        }
        return f.status;
    }

    private static String longFlag(String a) {
        return switch (a) {
            case "--parents" -> "p";
            case "--recursive" -> "r";
            case "--force" -> "f";
            default -> throw new UsageException(a.substring(2).isEmpty() ? "" : "unrecognized option '" + a + "'");
        };
    }

    private void fail(String message) {
        sink.emit(Output.Error.of(message));
        status = 1;
    }

    private static UsageException missing(String name, String what) {
        return new UsageException(name + ": missing " + what + "\nTry '" + name + " --help' for more information.");
    }

    private void mkdir(List<String> dirs, boolean parents) {
        if (dirs.isEmpty()) {
            throw missing("mkdir", "operand");
        }
        for (String d : dirs) {
            Path p = resolve.apply(d);
            try {
                if (p != null && parents) {
                    if (Files.exists(p) && !Files.isDirectory(p)) {
                        fail("mkdir: cannot create directory ‘" + d + "’: Not a directory");
                    } else {
                        Files.createDirectories(p);
                    }
                } else if (p != null && Files.exists(p)) {
                    fail("mkdir: cannot create directory ‘" + d + "’: File exists");
                } else if (p == null || !Files.isDirectory(p.getParent())) {
                    fail("mkdir: cannot create directory ‘" + d + "’: No such file or directory");
                } else {
                    Files.createDirectory(p);
                }
            } catch (IOException e) {
                fail("mkdir: cannot create directory ‘" + d + "’: Not a directory");
            }
        }
    }

    private void touch(List<String> files) {
        if (files.isEmpty()) {
            throw missing("touch", "file operand");
        }
        for (String f : files) {
            Path p = resolve.apply(f);
            try {
                if (p != null && Files.exists(p)) {
                    Files.setLastModifiedTime(p, FileTime.from(Instant.now()));
                } else if (p == null || !Files.isDirectory(p.getParent())) {
                    fail("touch: cannot touch '" + f + "': No such file or directory");
                } else {
                    Files.createFile(p);
                }
            } catch (IOException e) {
                fail("touch: cannot touch '" + f + "': Permission denied");
            }
        }
    }

    private void rm(List<String> files, boolean recursive, boolean force) {
        if (files.isEmpty() && !force) {
            throw missing("rm", "operand");
        }
        for (String f : files) {
            Path p = resolve.apply(f);
            if (p == null || !Files.exists(p)) {
                if (!force) {
                    fail("rm: cannot remove '" + f + "': No such file or directory");
                }
            } else if (Files.isDirectory(p) && !recursive) {
                fail("rm: cannot remove '" + f + "': Is a directory");
            } else if (p.equals(resolve.apply("/"))) {
                fail("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe");
            } else {
                delete(p, f);
            }
        }
    }

    private void delete(Path p, String shown) {
        try {
            Files.walkFileTree(p, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            fail("rm: cannot remove '" + shown + "': Permission denied");
        }
    }

    private void copyOrMove(String name, List<String> operands, boolean recursive) {
        boolean move = name.equals("mv");
        if (operands.isEmpty()) {
            throw missing(name, "file operand");
        }
        if (operands.size() == 1) {
            throw missing(name, "destination file operand after '" + operands.get(0) + "'");
        }
        String target = operands.get(operands.size() - 1);
        Path to = resolve.apply(target);
        List<String> sources = operands.subList(0, operands.size() - 1);
        boolean intoDir = to != null && Files.isDirectory(to);
        if (sources.size() > 1 && !intoDir) {
            throw new UsageException(name + ": target '" + target + "': " + (to != null && Files.exists(to) ? "Not a directory"
                    : "No such file or directory"));
        }
        for (String src : sources) {
            Path from = resolve.apply(src);
            if (from == null || !Files.exists(from)) {
                fail(name + ": cannot stat '" + src + "': No such file or directory");
                continue;
            }
            if (!move && Files.isDirectory(from) && !recursive) {
                fail("cp: -r not specified; omitting directory '" + src + "'");
                continue;
            }
            Path dest = intoDir ? to.resolve(from.getFileName().toString()) : to;
            String destShown = intoDir ? target.replaceAll("/+$", "") + "/" + from.getFileName() : target;
            if (dest == null || !Files.isDirectory(dest.getParent())) {
                fail(move ? "mv: cannot move '" + src + "' to '" + destShown + "': No such file or directory"
                        : "cp: cannot create regular file '" + destShown + "': No such file or directory");
                continue;
            }
            try {
                if (move) {
                    Files.move(from, dest, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    copyTree(from, dest);
                }
            } catch (IOException e) {
                fail(name + ": cannot " + (move ? "move '" + src + "' to '" : "create regular file '") + destShown + "': Permission denied");
            }
        }
    }

    /** Links are copied as links, never followed: one may lead out of the workspace. */
    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
            return;
        }
        Files.createDirectories(to);
        try (var s = Files.list(from)) {
            for (Path child : s.toList()) {
                copyTree(child, to.resolve(child.getFileName().toString()));
            }
        }
    }
}
