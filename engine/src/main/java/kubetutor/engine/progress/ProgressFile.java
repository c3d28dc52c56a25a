package kubetutor.engine.progress;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * progress.json on disk. A save writes a temporary file beside it, forces it to the disk and
 * renames it over the old one, so that a kill or a power cut at any moment leaves the old
 * version or the new one, never half of one. A file that does not read is renamed
 * {@code progress.json.damaged-N} (kept for whoever wants to look) and the learner starts afresh.
 */
public final class ProgressFile implements ProgressStore {
    private final Path file;

    public ProgressFile(Path file) {
        this.file = file;
    }

    /** $KUBETUTOR_HOME/progress.json, else ~/.kubetutor/progress.json: the learner's own, as the shell's history is. */
    public static ProgressFile standard(Map<String, String> env) {
        String home = env.get("KUBETUTOR_HOME");
        Path dir = home != null && !home.isEmpty() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".kubetutor");
        return new ProgressFile(dir.resolve("progress.json"));
    }

    public Path path() {
        return file;
    }

    @Override
    public Loaded load() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Loaded(Progress.NONE, null);
        } catch (IOException e) {
            return new Loaded(Progress.NONE, "Your progress in " + file + " could not be read (" + e.getMessage()
                    + "); this session starts without it.");
        }
        try {
            return new Loaded(ProgressCodec.read(text), null);
        } catch (ProgressException damaged) {
            return new Loaded(Progress.NONE, setAside(damaged.getMessage()));
        }
    }

    private String setAside(String why) {
        for (int n = 1; ; n++) {
            Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + n);
            if (Files.exists(aside)) {
                continue;
            }
            try {
                Files.move(file, aside);
                return "Your progress file was damaged (" + why + "); it was kept as " + aside.getFileName()
                        + " and progress starts afresh.";
            } catch (IOException e) {
                return "Your progress file was damaged (" + why + ") and could not be set aside (" + e.getMessage()
                        + "); progress starts afresh.";
            }
        }
    }

    @Override
    public void save(Progress progress) throws ProgressException {
        write(file, ProgressCodec.write(progress));
    }

    /** Writes {@code text} to {@code target} so that it holds the old text or the new, whenever the writer dies. */
    public static void write(Path target, String text) throws ProgressException {
        Path temp = null;
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, target.getFileName() + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new ProgressException("cannot write " + target.getFileName() + ": " + reason(e));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a stray temporary file is harmless: the next save writes another
                }
            }
        }
    }

    /** In the words of a shell's error, without the host path Java puts in the message. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return "Input/output error";
    }

    /** The rename itself reaches the disk only when the directory is synced (where the platform allows it). */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems refuse to open a directory: the rename is still atomic there
        }
    }
}
