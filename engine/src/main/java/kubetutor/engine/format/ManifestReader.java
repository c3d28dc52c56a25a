package kubetutor.engine.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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
    /**
     * Jackson's limits, in Go's place: nesting as deep as a YAML document may go, and numbers of up
     * to 10000 digits (Go's decoder takes longer ones only to refuse them as too large for a float64).
     */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(GoYamlDecoder.MAX_DEPTH).maxNumberLength(10_000).build())
            .build());
    /** The largest float64 is below 2^1024: a longer integer is refused by Go's decoder. */
    private static final int FLOAT64_BITS = 1024;

    private ManifestReader() {
    }

    /** {@code sourceName} is the file name as typed, or "-" for standard input (kubectl says STDIN). */
    public static List<ManifestDocument> read(String sourceName, String text) {
        String name = "-".equals(sourceName) ? "STDIN" : sourceName;
        List<ManifestDocument> docs = new ArrayList<>();
        if (text.stripLeading().startsWith("{")) {
            if (text.length() > ManifestDocument.TooLarge.PAST) {
                docs.add(new ManifestDocument.TooLarge());
                return docs;
            }
            readJson(name, text, docs);
            return docs;
        }
        List<YamlChunks.Range> chunks = new ArrayList<>();
        String separatorError = YamlChunks.split(text, chunks);
        for (YamlChunks.Range chunk : chunks) {
            if (chunk.length() > ManifestDocument.TooLarge.PAST) {
                docs.add(new ManifestDocument.TooLarge());
                continue;
            }
            ManifestDocument failed = readYamlChunk(name, text.substring(chunk.start(), chunk.end()), docs);
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
                String tooLarge = numberPastFloat64(tree);
                if (tooLarge != null) {
                    docs.add(new ManifestDocument.Failed("unable to decode \"" + name + "\": json: cannot unmarshal number "
                            + tooLarge + " into Go value of type float64"));
                    return;
                }
                ManifestDocument failed = accept(name, GoYamlTrees.sortKeys(tree), docs);
                if (failed != null) {
                    docs.add(failed);
                    return;
                }
            }
        } catch (StreamConstraintsException e) {
            int past = e.getMessage().startsWith("Document nesting depth") ? tooDeep(text) : -1;
            docs.add(new ManifestDocument.Failed(past >= 0
                    ? "error parsing " + name + ": json: offset " + (past + 1) + ": invalid character '" + text.charAt(past)
                    + "' exceeded max depth"
                    : "unable to decode \"" + name + "\": json: cannot unmarshal number into Go value of type float64"));
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

    /** Where a bracket opens one level past the limit (Go reports the offset just after it), or -1. */
    private static int tooDeep(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > GoYamlDecoder.MAX_DEPTH) {
                    return i;
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return -1;
    }

    /** The first integer too large for a float64, as written, or null. */
    private static String numberPastFloat64(JsonNode node) {
        if (node.isBigInteger() && node.bigIntegerValue().abs().bitLength() > FLOAT64_BITS) {
            return node.asText();
        }
        for (JsonNode child : node) {
            String found = numberPastFloat64(child);
            if (found != null) {
                return found;
            }
        }
        return null;
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
