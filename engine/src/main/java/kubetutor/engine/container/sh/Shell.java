package kubetutor.engine.container.sh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One shell's state: variables, working directory, last status, traps. Subshells get a copy. */
final class Shell {
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    final ProcessHost host;
    final Vars vars;
    final Set<String> exported = new LinkedHashSet<>();
    final Map<String, String> traps = new HashMap<>();
    String cwd = "/";
    int status;
    /** $0: how the shell was invoked ("sh", "/bin/sh"); it prefixes the shell's own messages. */
    String arg0 = "sh";
    List<String> positional = new ArrayList<>();
    int pid = 1;
    boolean interactive;

    Shell(ProcessHost host) {
        this(host, null);
    }

    private Shell(ProcessHost host, Vars parentVars) {
        this.host = host;
        this.vars = new Vars(host.memory(), parentVars);
    }

    /** A fresh shell started by the container runtime: the container's environment, exported. */
    static Shell fromEnvironment(ProcessHost host) {
        Shell s = new Shell(host);
        host.env().forEach(s::export);
        s.vars.putIfAbsent("PATH", DEFAULT_PATH);
        s.vars.putIfAbsent("HOSTNAME", host.hostname());
        s.vars.putIfAbsent("HOME", "/root");
        s.exported.addAll(List.of("PATH", "HOSTNAME", "HOME"));
        return s;
    }

    /** A child shell (sh -c): only exported variables cross over. */
    Shell child(Map<String, String> extraEnv) {
        Shell s = new Shell(host);
        environment().forEach(s::export);
        extraEnv.forEach(s::export);
        s.cwd = cwd;
        s.pid = pid + 1;
        return s;
    }

    /** A subshell ( ... ) or $( ... ): a full copy whose changes do not leak back. */
    Shell subshell() {
        Shell s = new Shell(host, vars);
        s.exported.addAll(exported);
        s.cwd = cwd;
        s.status = status;
        s.arg0 = arg0;
        s.positional = new ArrayList<>(positional);
        s.pid = pid;
        return s;
    }

    void export(String name, String value) {
        vars.put(name, value);
        exported.add(name);
    }

    String get(String name) {
        switch (name) {
            case "?":
                return String.valueOf(status);
            case "$":
                return String.valueOf(pid);
            case "#":
                return String.valueOf(positional.size());
            case "0":
                return arg0;
            case "@":
            case "*":
                return String.join(" ", positional);
            case "PWD":
                return vars.containsKey("PWD") ? vars.get("PWD") : cwd;
            default:
                break;
        }
        if (name.matches("[1-9][0-9]*")) {
            int i = Integer.parseInt(name);
            return i <= positional.size() ? positional.get(i - 1) : null;
        }
        return vars.get(name);
    }

    /** The environment a child process sees, in the order variables were set. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String k : exported) {
            if (vars.containsKey(k)) {
                env.put(k, vars.get(k));
            }
        }
        return env;
    }

    String resolve(String path) {
        return VirtualFs.resolve(cwd, path);
    }

    /** Prefix for the shell's own error messages; ash adds "line N:" when not interactive. */
    String msgPrefix(String command, int line) {
        StringBuilder b = new StringBuilder(arg0).append(": ");
        if (command != null) {
            b.append(command).append(": ");
            if (!interactive) {
                b.append("line ").append(line).append(": ");
            }
        }
        return b.toString();
    }
}
