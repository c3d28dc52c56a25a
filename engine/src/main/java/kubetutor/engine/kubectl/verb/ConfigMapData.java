package kubetutor.engine.kubectl.verb;

import kubetutor.engine.api.schema.Names;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.workspace.Entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static kubetutor.engine.kubectl.jsonpath.GoValues.goQuote;

/**
 * The data of {@code kubectl create configmap NAME}, read as create_configmap.go does: --from-file
 * sources first (a file under its base name or a given key, a directory's regular files), then
 * --from-literal pairs, then --from-env-file lines; each key checked and added once, with kubectl's
 * messages. kubetutor's workspace holds text files only: a file that is not UTF-8 text, which kubectl
 * would put in binaryData, is refused with a note saying so.
 */
final class ConfigMapData {
    private final Invocation inv;
    private final String name;
    private final Map<String, String> data = new TreeMap<>();

    private ConfigMapData(Invocation inv, String name) {
        this.inv = inv;
        this.name = name;
    }

    /** The data, keys sorted (as Go serialises a map). */
    static Map<String, String> read(Invocation inv, String name) {
        List<String> files = commaSeparated(inv.args().all("from-file"));
        List<String> literals = inv.args().all("from-literal");
        List<String> envFiles = commaSeparated(inv.args().all("from-env-file"));
        if (!envFiles.isEmpty() && (!files.isEmpty() || !literals.isEmpty())) {
            throw new UsageException("error: from-env-file cannot be combined with from-file or from-literal");
        }
        ConfigMapData d = new ConfigMapData(inv, name);
        files.forEach(d::fileSource);
        literals.forEach(d::literal);
        envFiles.forEach(d::envFile);
        return d.data;
    }

    /** --from-file and --from-env-file are string slices: pflag splits each value at its commas. */
    private static List<String> commaSeparated(List<String> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.addAll(List.of(v.split(","))));
        return out;
    }

    /** util.ParseFileSource, then a file or every regular file of a directory. */
    private void fileSource(String source) {
        int separators = source.length() - source.replace("=", "").length();
        String key;
        String path;
        if (separators == 0) {
            path = source;
            key = baseName(source);
        } else if (separators == 1 && source.startsWith("=")) {
            throw error("key name for file path " + source.substring(1) + " missing");
        } else if (separators == 1 && source.endsWith("=")) {
            throw error("file path for key name " + source.substring(0, source.length() - 1) + " missing");
        } else if (separators > 1) {
            throw error("key names or file paths cannot contain '='");
        } else {
            key = source.substring(0, source.indexOf('='));
            path = source.substring(source.indexOf('=') + 1);
        }
        Entry entry = inv.workspace().look(path);
        if (entry instanceof Entry.Missing) {
            throw error("error reading " + path + ": no such file or directory");
        }
        if (entry instanceof Entry.Directory dir) {
            if (separators > 0) {
                throw error("cannot give a key name for a directory path");
            }
            for (String item : dir.names()) {
                String itemPath = path.endsWith("/") ? path + item : path + "/" + item;
                Entry inside = inv.workspace().look(itemPath);
                if (!(inside instanceof Entry.Directory)) {
                    add(item, text(itemPath, inside));
                }
            }
            return;
        }
        add(key, text(path, entry));
    }

    private String text(String path, Entry entry) {
        if (entry instanceof Entry.File f) {
            return f.text();
        }
        throw error("kubetutor reads workspace files as UTF-8 text only, and cannot read " + path
                + (entry instanceof Entry.Unreadable u ? " (" + u.message() + ")" : ""));
    }

    /** util.ParseLiteralSource: the key is what comes before the first '=', the value may hold more. */
    private void literal(String source) {
        int eq = source.indexOf('=');
        if (eq <= 0) {
            throw error("invalid literal source " + source + ", expected key=value");
        }
        add(source.substring(0, eq), source.substring(eq + 1));
    }

    /**
     * cmdutil.AddFromEnvFile: KEY=VALUE lines (the value as written, spaces included), comments and
     * blank lines skipped. A line with a key only takes the variable from kubectl's own environment;
     * the simulated kubectl has none, so the value is empty.
     */
    private void envFile(String path) {
        Entry entry = inv.workspace().look(path);
        if (entry instanceof Entry.Missing) {
            throw error("error reading " + path + ": no such file or directory");
        }
        if (entry instanceof Entry.Directory) {
            throw error("env config file cannot be a directory");
        }
        String[] lines = text(path, entry).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            line = line.stripLeading();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq);
            List<String> errs = Names.envVarName(key);
            if (!errs.isEmpty()) {
                throw error(goQuote(key) + " is not a valid key name: " + String.join(";", errs));
            }
            add(key, eq < 0 ? "" : line.substring(eq + 1));
        }
    }

    /** validateNewConfigMap, then the key goes in. */
    private void add(String key, String value) {
        List<String> errs = Names.configMapKey(key);
        if (!errs.isEmpty()) {
            throw error(goQuote(key) + " is not a valid key name for a ConfigMap: " + String.join(",", errs));
        }
        if (data.containsKey(key)) {
            throw error("cannot add key " + goQuote(key) + ", another key by that name already exists in Data for ConfigMap "
                    + goQuote(name));
        }
        data.put(key, value);
    }

    /** path.Base of a slash path: the last element, trailing slashes ignored. */
    private static String baseName(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = p.lastIndexOf('/');
        return slash < 0 || p.equals("/") ? p : p.substring(slash + 1);
    }

    private static UsageException error(String message) {
        return new UsageException("error: " + message);
    }
}
