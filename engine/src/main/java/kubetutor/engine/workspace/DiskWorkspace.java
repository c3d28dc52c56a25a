package kubetutor.engine.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The workspace on the host's disk, names read from directory {@code dir} in it. */
public record DiskWorkspace(WorkspaceRoot root, Path dir) implements Workspace {

    @Override
    public Entry look(String name) {
        Path p = root.resolve(dir, name);
        if (p == null || !Files.exists(p)) {
            return new Entry.Missing();
        }
        try {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    return new Entry.Directory(s.map(f -> f.getFileName().toString()).sorted().toList());
                }
            }
            // Bytes that are not UTF-8 read as U+FFFD, as Go keeps going with them, rather than failing the read.
            return new Entry.File(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Entry.Unreadable(String.valueOf(e.getMessage()));
        }
    }

    @Override
    public Optional<String> makeDirectories(String name) {
        Path p = root.resolve(dir, name);
        if (p == null) {
            return Optional.of("mkdir " + name + ": permission denied");
        }
        for (Path at = p; at != null && !at.equals(root.path().getParent()); at = at.getParent()) {
            if (Files.exists(at) && !Files.isDirectory(at)) {
                return Optional.of("mkdir " + name + ": not a directory");
            }
        }
        try {
            Files.createDirectories(p);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("mkdir " + name + ": permission denied");
        }
    }

    @Override
    public Optional<String> writeFile(String name, String text) {
        Path p = root.resolve(dir, name);
        if (p == null) {
            return Optional.of("open " + name + ": permission denied");
        }
        if (Files.isDirectory(p)) {
            return Optional.of("open " + name + ": is a directory");
        }
        try {
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("open " + name + ": " + (Files.isDirectory(p.getParent()) ? "permission denied" : "no such file or directory"));
        }
    }
}
