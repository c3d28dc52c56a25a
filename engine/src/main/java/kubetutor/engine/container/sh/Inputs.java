package kubetutor.engine.container.sh;

import java.util.List;
import java.util.Optional;

/** The text a filter reads: its files in turn, or standard input for none (and for "-"). */
final class Inputs {
    private Inputs() {}

    /** One operand's text; empty, with the tool's message said (busybox's or GNU's), when it cannot be read. */
    static Optional<String> read(Command.Ctx c, String tool, String file) {
        if (file.equals("-")) {
            return Optional.of(c.io().stdin());
        }
        String p = c.path(file);
        boolean gnu = c.sh().host.gnuTools();
        if (c.fs().isDirectory(p)) {
            c.err((gnu ? gnuDirectory(tool, file) : tool + ": read error: Is a directory") + "\n");
            return Optional.empty();
        }
        Optional<String> text = c.fs().read(p);
        if (text.isEmpty()) {
            // busybox's grep says perror's words (grep.c: bb_simple_perror_msg), its other applets open_or_warn's
            c.err((gnu ? gnuMissing(tool, file) : tool.equals("grep") ? "grep: " + file + ": No such file or directory"
                    : tool + ": can't open '" + file + "': No such file or directory") + "\n");
        }
        return text;
    }

    private static String gnuMissing(String tool, String file) {
        return switch (tool) {
            case "sed" -> "sed: can't read " + file + ": No such file or directory";
            case "awk" -> "awk: cannot open " + file + " (No such file or directory)";
            case "sort" -> "sort: cannot read: " + file + ": No such file or directory";
            default -> tool + ": " + file + ": No such file or directory";
        };
    }

    private static String gnuDirectory(String tool, String file) {
        return switch (tool) {
            case "sed" -> "sed: read error on " + file + ": Is a directory";
            case "awk" -> "awk: read error (Is a directory)";
            case "sort" -> "sort: read failed: " + file + ": Is a directory";
            case "uniq" -> "uniq: error reading '" + file + "'";
            default -> tool + ": " + file + ": Is a directory";
        };
    }

    static List<String> orStdin(List<String> files) {
        return files.isEmpty() ? List.of("-") : files;
    }
}
