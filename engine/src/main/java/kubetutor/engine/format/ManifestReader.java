package kubetutor.engine.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@code kubectl apply|create -f FILE} reads. Like kubectl, it cuts a YAML stream into
 * documents at "---" lines first and converts each one alone, so line numbers in YAML errors
 * count from the start of the document, not of the file. A stream whose first non-blank character
 * is '{' is read as a sequence of JSON values instead. Documents that hold nothing are skipped, and
 * a {@code kind: List} is replaced by its items. The first failure ends the list, as kubectl stops there.
 */
public final class ManifestReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestReader() {
    }

    /** {@code sourceName} is the file name as typed, or "-" for standard input (kubectl says STDIN). */
    public static List<ManifestDocument> read(String sourceName, String text) {
        String name = "-".equals(sourceName) ? "STDIN" : sourceName;
        List<ManifestDocument> docs = new ArrayList<>();
        if (text.stripLeading().startsWith("{")) {
            readJson(name, text, docs);
            return docs;
        }
        List<String> chunks = new ArrayList<>();
        String separatorError = YamlChunks.split(text, chunks);
        for (String chunk : chunks) {
            ManifestDocument failed = readYamlChunk(name, chunk, docs);
            if (failed != null) {
                docs.add(failed);
                return docs;
            }
        }
        if (separatorError != null) {
            docs.add(new ManifestDocument.Failed("error parsing " + name + ": " + separatorError));
        }
        return docs;
    }

    private static ManifestDocument readYamlChunk(String name, String chunk, List<ManifestDocument> docs) {
        JsonNode tree;
        try {
            tree = GoYamlTrees.parse(chunk);
        } catch (GoYamlTrees.YamlError e) {
            return new ManifestDocument.Failed("error parsing " + name + ": error converting YAML to JSON: " + e.getMessage());
        }
        return accept(name, tree, docs);
    }

    private static void readJson(String name, String text, List<ManifestDocument> docs) {
        try (JsonParser parser = JSON.createParser(text)) {
            JsonNode tree;
            while ((tree = JSON.readTree(parser)) != null && !tree.isMissingNode()) {
                ManifestDocument failed = accept(name, GoYamlTrees.sortKeys(tree), docs);
                if (failed != null) {
                    docs.add(failed);
                    return;
                }
            }
        } catch (JsonProcessingException e) {
            // Go's decoder words this differently ("invalid character 'x' looking for ..."); the
            // offset is where Jackson stopped, which is close to where Go stops.
            long offset = e.getLocation() == null ? 0 : e.getLocation().getCharOffset();
            docs.add(new ManifestDocument.Failed("error parsing " + name + ": json: offset " + offset + ": "
                    + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds the object(s) of one document; returns the failure instead when kubectl would refuse it. */
    private static ManifestDocument accept(String name, JsonNode tree, List<ManifestDocument> docs) {
        if (tree == null || tree.isNull()) {
            return null;
        }
        if (!tree.isObject()) {
            return new ManifestDocument.Failed("unable to decode \"" + name + "\": json: cannot unmarshal "
                    + GoTypes.jsonKind(tree) + " into Go value of type unstructured.detector");
        }
        ObjectNode object = (ObjectNode) tree;
        JsonNode kind = object.get("kind");
        if (kind == null || kind.isNull() || (kind.isTextual() && kind.textValue().isEmpty())) {
            return new ManifestDocument.Failed("unable to decode \"" + name + "\": Object 'Kind' is missing in '"
                    + JsonWriter.compact(object) + "'");
        }
        if ("List".equals(kind.asText()) && object.path("items").isArray()) {
            for (JsonNode item : object.get("items")) {
                ManifestDocument failed = accept(name, item, docs);
                if (failed != null) {
                    return failed;
                }
            }
            return null;
        }
        String typeError = GoTypes.metadataTypeError(object);
        if (typeError != null) {
            return new ManifestDocument.Failed("unable to decode \"" + name + "\": " + typeError);
        }
        docs.add(new ManifestDocument.Parsed(object));
        return null;
    }
}
