package kubetutor.engine.container.sh;

import java.util.List;
import java.util.Optional;

/** The text a filter reads: its files in turn, or standard input for none (and for "-"). */
final class Inputs {
    private Inputs() {}

    /** One operand's text; empty, with busybox's message said, when it cannot be read. */
    static Optional<String> read(Command.Ctx c, String tool, String file) {
        if (file.equals("-")) {
            return Optional.of(c.io().stdin());
        }
        String p = c.path(file);
        if (c.fs().isDirectory(p)) {
            c.err(tool + ": read error: Is a directory\n");
            return Optional.empty();
        }
        Optional<String> text = c.fs().read(p);
        if (text.isEmpty()) {
            c.err(tool + ": can't open '" + file + "': No such file or directory\n");
        }
        return text;
    }

    static List<String> orStdin(List<String> files) {
        return files.isEmpty() ? List.of("-") : files;
    }
}
