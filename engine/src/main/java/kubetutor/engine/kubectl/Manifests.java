package kubetutor.engine.kubectl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.RequestSize;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.format.ManifestDocument;
import kubetutor.engine.format.ManifestReader;
import kubetutor.engine.workspace.Entry;

import java.util.ArrayList;
import java.util.List;

/**
 * The objects named by -f: files, directories (their .yaml, .yml and .json files, in name order)
 * and "-" for standard input. A document that cannot be read is kept as an error, so that the good
 * documents of a file still apply, as kubectl does.
 */
public final class Manifests {
    private Manifests() {}

    /**
     * One document of a source: an object, or the error kubectl prints for it.
     *
     * @param tooLarge whether the document was too large to read: a write of it is refused as the
     *                 server refuses a body past its limit
     */
    public record Doc(String source, ObjectNode object, String error, boolean tooLarge) {
        public Doc(String source, ObjectNode object, String error) {
            this(source, object, error, false);
        }
    }

    public static List<Doc> read(Invocation inv) {
        // -f is a pflag string slice: each value is split at its commas, and an empty one adds nothing.
        List<String> names = new ArrayList<>();
        for (String v : inv.args().all("filename")) {
            for (String name : v.split(",")) {
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        if (names.isEmpty()) {
            throw new UsageException("error: must specify one of -f and -k");
        }
        List<Doc> docs = new ArrayList<>();
        for (String name : names) {
            if (name.equals("-")) {
                String text = inv.stdin() == null ? "" : inv.stdin();
                add(docs, "STDIN", text);
                continue;
            }
            Entry found = inv.workspace().look(name);
            if (found instanceof Entry.Missing) {
                throw new UsageException("error: the path \"" + name + "\" does not exist");
            }
            if (found instanceof Entry.Directory dir) {
                String prefix = name.endsWith("/") ? name : name + "/";
                for (String fn : dir.names()) {
                    if (fn.endsWith(".yaml") || fn.endsWith(".yml") || fn.endsWith(".json")) {
                        add(docs, prefix + fn, text(prefix + fn, inv.workspace().look(prefix + fn)));
                    }
                }
                continue;
            }
            add(docs, name, text(name, found));
        }
        return docs;
    }

    private static String text(String name, Entry e) {
        if (e instanceof Entry.File f) {
            return f.text();
        }
        String why = e instanceof Entry.Unreadable u ? u.message() : e instanceof Entry.Directory ? "Is a directory" : name;
        throw new UsageException("error: " + why);
    }

    private static void add(List<Doc> docs, String source, String text) {
        for (ManifestDocument d : ManifestReader.read(source, text)) {
            if (d instanceof ManifestDocument.Parsed p) {
                docs.add(new Doc(source, p.object(), null));
            } else if (d instanceof ManifestDocument.Failed f) {
                docs.add(new Doc(source, null, f.message()));
            } else if (d instanceof ManifestDocument.TooLarge) {
                docs.add(new Doc(source, null, RequestSize.tooLarge().getMessage(), true));
            }
        }
    }
}
