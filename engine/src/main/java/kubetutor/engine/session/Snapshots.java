package kubetutor.engine.session;

import kubetutor.engine.command.UsageException;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;
import kubetutor.engine.snapshot.Snapshot;
import kubetutor.engine.snapshot.SnapshotException;
import kubetutor.engine.snapshot.SnapshotFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** {@code save FILE} and {@code load FILE}: a session's snapshot in a workspace file. */
final class Snapshots {
    private Snapshots() {}

    static int save(Session session, List<String> args, Sink sink) {
        String name = oneFile("save", args);
        if (!session.snapshottable()) {
            throw new UsageException("save: the session's commands have read more than " + SnapshotFormat.MAX_SIZE / (1024 * 1024)
                    + "Mi of files, more than a snapshot may hold ('reset' starts afresh)");
        }
        Path file = session.resolve(name);
        if (file == null) {
            throw new UsageException("save: can't create " + name + ": No such file or directory");
        }
        String text = SnapshotFormat.write(session.snapshot());
        if (text.length() > SnapshotFormat.MAX_SIZE) {
            // It could not be loaded again: the files the session's commands read are in it.
            throw new UsageException("save: " + name + ": the session is larger than the "
                    + SnapshotFormat.MAX_SIZE / (1024 * 1024) + "Mi a snapshot may be");
        }
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UsageException("save: can't create " + name + ": " + reason(file, e));
        }
        sink.emit(Output.Text.message("Saved the session to " + name + "."));
        return 0;
    }

    static int load(Session session, List<String> args, Sink sink) {
        String name = oneFile("load", args);
        Path file = session.resolve(name);
        if (file == null) {
            throw new UsageException("load: " + name + ": No such file or directory");
        }
        Snapshot snapshot;
        try {
            if (Files.size(file) > SnapshotFormat.MAX_SIZE) {
                throw new SnapshotException("larger than the " + SnapshotFormat.MAX_SIZE / (1024 * 1024) + "Mi a snapshot may be");
            }
            // Bytes that are not UTF-8 read as U+FFFD: the snapshot is then refused as damaged, not unreadable.
            snapshot = SnapshotFormat.read(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            session.restore(snapshot);
        } catch (IOException e) {
            throw new UsageException("load: " + name + ": " + reason(file, e));
        } catch (SnapshotException e) {
            throw new UsageException("load: " + name + ": " + e.getMessage());
        }
        sink.emit(Output.Text.message("Restored the session from " + name + "; the simulated time is "
                + SimCommands.DATE.format(session.now()) + "."));
        session.tutor().showCurrent(sink::emit);
        return 0;
    }

    private static String oneFile(String command, List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException(command + ": missing file operand (" + command + " FILE)");
        }
        if (args.size() > 1) {
            throw new UsageException(command + ": extra operand '" + args.get(1) + "' (" + command + " FILE)");
        }
        return args.get(0);
    }

    /** The few words sh would print for a file that cannot be read or written. */
    private static String reason(Path file, IOException e) {
        if (Files.isDirectory(file)) {
            return "Is a directory";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        return "Input/output error";
    }
}
