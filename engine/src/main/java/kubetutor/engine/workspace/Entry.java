package kubetutor.engine.workspace;

import java.util.List;

/** What a command found at a workspace path: the unit snapshots record, so a replay finds the same. */
public sealed interface Entry {
    /** A readable file and its text. */
    record File(String text) implements Entry {}

    /** A directory and the names in it, sorted. */
    record Directory(List<String> names) implements Entry {
        public Directory {
            names = List.copyOf(names);
        }
    }

    /** Nothing there. */
    record Missing() implements Entry {}

    /** Something there that could not be read; the message is the operating system's. */
    record Unreadable(String message) implements Entry {}
}
