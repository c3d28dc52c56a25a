package kubetutor.engine.container.sh;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The one table of commands a container knows, and how a path like /bin/sleep maps onto it. */
final class Commands {
    private Commands() {}

    /** Commands the shell runs itself because they start work of their own (see SimpleFrame). */
    private static final Set<String> CONTROL = Set.of("sleep", "sh", "ash", "exec", "exit", "break", "continue",
            "eval", ".", "source");

    private static final Set<String> BIN_DIRS = Set.of("/bin", "/usr/bin", "/sbin", "/usr/sbin", "/usr/local/bin");

    private static final Map<String, Command> TABLE = new HashMap<>();

    static {
        TABLE.put("true", (c, a) -> 0);
        TABLE.put(":", (c, a) -> 0);
        TABLE.put("false", (c, a) -> 1);
        FileCommands.register(TABLE);
        TextCommands.register(TABLE);
        ColumnCommands.register(TABLE);
        TABLE.put("sed", Sed::run);
        TABLE.put("awk", Awk::run);
        SysCommands.register(TABLE);
        NetCommands.register(TABLE);
        ListCommands.register(TABLE);
        TABLE.put("test", TestCommand::test);
        TABLE.put("[", TestCommand::bracket);
    }

    static Command get(String name) {
        return TABLE.get(name);
    }

    /** "/bin/sleep" is "sleep"; a path elsewhere stays a path (a script the container may hold). */
    static String canonical(String name) {
        int slash = name.lastIndexOf('/');
        if (slash < 0) {
            return name;
        }
        String dir = slash == 0 ? "/" : name.substring(0, slash);
        String base = name.substring(slash + 1);
        return BIN_DIRS.contains(dir) && (TABLE.containsKey(base) || CONTROL.contains(base)) ? base : name;
    }

    /** Whether the container runtime could start argv[0] directly (without a shell). */
    static boolean executable(String name, VirtualFs fs) {
        String c = canonical(name);
        return TABLE.containsKey(c) || CONTROL.contains(c) || (name.contains("/") && fs.isFile(name));
    }

    static boolean isShell(String name) {
        String c = canonical(name);
        return c.equals("sh") || c.equals("ash");
    }
}
