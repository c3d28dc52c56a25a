package kubetutor.engine.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The regression corpus (kubetutor/hostile/corpus.txt): the hostile inputs issue 18 reported and
 * those the fuzzer found, each a script with the workspace files it needs. The shell's batch mode,
 * the kernel and the engine's own test all run it. Files too large to keep are made on the spot:
 * <pre>
 * ### name            an entry: the lines up to the next "###" are its script
 * &#64;text NAME          a file: the lines up to "&#64;end"
 * &#64;bytes NAME HEX     a file of these bytes (invalid UTF-8)
 * &#64;pod NAME FIELD N   a Pod manifest whose annotation (FIELD annotation) or env value (FIELD env) is N x's
 * </pre>
 */
public final class HostileCorpus {
    /** One entry: its script, and the files it needs in the workspace first. */
    public record Entry(String name, String script, Map<String, byte[]> files) {
        public void writeFiles(Path workspace) {
            files.forEach((name, bytes) -> {
                try {
                    Path p = workspace.resolve(name);
                    Files.createDirectories(p.getParent());
                    Files.write(p, bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private HostileCorpus() {}

    public static List<Entry> load() {
        String text;
        try (InputStream in = HostileCorpus.class.getResourceAsStream("/kubetutor/hostile/corpus.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> entries = new ArrayList<>();
        String name = null;
        StringBuilder script = new StringBuilder();
        Map<String, byte[]> files = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("### ")) {
                if (name != null) {
                    entries.add(new Entry(name, script.toString(), Map.copyOf(files)));
                }
                name = line.substring(4).strip();
                script.setLength(0);
                files = new LinkedHashMap<>();
            } else if (line.startsWith("@text ")) {
                StringBuilder body = new StringBuilder();
                while (!lines[++i].equals("@end")) {
                    body.append(lines[i]).append('\n');
                }
                files.put(line.substring(6).strip(), body.toString().getBytes(StandardCharsets.UTF_8));
            } else if (line.startsWith("@bytes ")) {
                String[] w = line.split(" ");
                files.put(w[1], HexFormat.of().parseHex(w[2]));
            } else if (line.startsWith("@pod ")) {
                String[] w = line.split(" ");
                files.put(w[1], pod(w[2], Integer.parseInt(w[3])).getBytes(StandardCharsets.UTF_8));
            } else if (name != null && !(line.isEmpty() && i == lines.length - 1)) {
                script.append(line).append('\n');
            }
        }
        if (name != null) {
            entries.add(new Entry(name, script.toString(), Map.copyOf(files)));
        }
        return entries;
    }

    /** A Pod named "big" whose one annotation, or one env value, is {@code n} characters long. */
    public static String pod(String field, int n) {
        String x = "x".repeat(n);
        return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\n" + (field.equals("annotation") ? "  annotations:\n    a: \"" + x + "\"\n" : "")
                + "spec:\n  containers:\n  - name: c\n    image: nginx\n"
                + (field.equals("env") ? "    env:\n    - name: E\n      value: \"" + x + "\"\n" : "");
    }
}
