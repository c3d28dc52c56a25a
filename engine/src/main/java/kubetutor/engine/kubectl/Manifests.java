package kubetutor.engine.kubectl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.format.ManifestDocument;
import kubetutor.engine.format.ManifestReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The objects named by -f: files, directories (their .yaml, .yml and .json files, in name order)
 * and "-" for standard input. A document that cannot be read is kept as an error, so that the good
 * documents of a file still apply, as kubectl does.
 */
public final class Manifests {
    private Manifests() {}

    /** One document of a source: an object, or the error kubectl prints for it. */
    public record Doc(String source, ObjectNode object, String error) {}

    public static List<Doc> read(Invocation inv) {
        List<String> names = inv.args().all("filename");
        List<Doc> docs = new ArrayList<>();
        for (String name : names) {
            if (name.equals("-")) {
                String text = inv.stdin() == null ? "" : inv.stdin();
                add(docs, "STDIN", text);
                continue;
            }
            Path p = inv.workDir().resolve(name);
            if (!Files.exists(p)) {
                throw new UsageException("error: the path \"" + name + "\" does not exist");
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    for (Path f : s.sorted().toList()) {
                        String fn = f.getFileName().toString();
                        if (fn.endsWith(".yaml") || fn.endsWith(".yml") || fn.endsWith(".json")) {
                            add(docs, name.endsWith("/") ? name + fn : name + "/" + fn, Files.readString(f));
                        }
                    }
                } catch (IOException e) {
                    throw new UsageException("error: " + e.getMessage());
                }
                continue;
            }
            try {
                add(docs, name, Files.readString(p));
            } catch (IOException e) {
                throw new UsageException("error: " + e.getMessage());
            }
        }
        return docs;
    }

    private static void add(List<Doc> docs, String source, String text) {
        for (ManifestDocument d : ManifestReader.read(source, text)) {
            if (d instanceof ManifestDocument.Parsed p) {
                docs.add(new Doc(source, p.object(), null));
            } else if (d instanceof ManifestDocument.Failed f) {
                docs.add(new Doc(source, null, f.message()));
            }
        }
    }
}
