package kubetutor.engine.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Multi-document behaviour, checked against kubectl 1.32.4 ({@code create -f F --dry-run=client --validate=false}). */
class ManifestReaderTest {
    /** Each document as compact JSON, each failure as kubectl prints it. */
    private static String read(String name, String text) {
        return ManifestReader.read(name, text).stream().map(d -> {
            if (d instanceof ManifestDocument.Parsed p) {
                return JsonWriter.compact(p.object());
            }
            return "error: " + ((ManifestDocument.Failed) d).message();
        }).collect(Collectors.joining("\n"));
    }

    private static final String NS_A = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n";
    private static final String NS_B = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n";

    @Test
    void separatorsCommentsAndEmptyDocuments() {
        assertEquals("""
                {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"a"}}
                {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"b"}}""",
                read("m2.yaml", "---\n" + NS_A + "--- # hi\n# only a comment\n---\n" + NS_B + "---\n"));
    }

    /** kubectl printed namespace a, then the error; the line number counts from the second document. */
    @Test
    void errorLinesCountFromTheDocumentStart() {
        assertEquals("""
                {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"a"}}
                error: error parsing m1.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context""",
                read("m1.yaml", NS_A + "---\n# c\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n  labels: x: y\n"));
    }

    /** kubectl printed nothing at all: the document before a bad separator is lost too. */
    @Test
    void badSeparator() {
        assertEquals("error: error parsing m3.yaml: invalid Yaml document separator: x",
                read("m3.yaml", NS_A + "--- x\n" + NS_B));
    }

    @Test
    void listsAreExpanded() {
        assertEquals("""
                {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"a"}}
                {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"b"}}""",
                read("m4.yaml", "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n"
                        + "    name: a\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: b\n"));
    }

    /** kubectl says "error: no objects passed to create" for these; that is the caller's message. */
    @Test
    void emptyInputHasNoDocuments() {
        assertEquals(List.of(), ManifestReader.read("m6.yaml", ""));
        assertEquals(List.of(), ManifestReader.read("m7.yaml", "# only comment\n"));
    }

    @Test
    void standardInputIsCalledStdin() {
        assertEquals("error: unable to decode \"STDIN\": Object 'Kind' is missing in '{\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\"}}'",
                read("-", "apiVersion: v1\nmetadata:\n  name: x\n"));
    }

    /** YAML 1.1 typing as go-yaml v2 does it; keys sorted as Go's encoding/json sorts a map. */
    @Test
    void plainScalarsAreTypedTheGoYamlWay() {
        assertEquals("{\"a\":true,\"b\":false,\"c\":31,\"d\":15,\"e\":1000,\"f\":\"2001-12-14\",\"g\":null,\"h\":\"80\","
                + "\"i\":8,\"j\":1000,\"k\":\"x\\ny\\n\",\"kind\":\"T\"}",
                read("t.yaml", "kind: T\nk: |\n  x\n  y\nj: 1_000\ni: 010\nh: '80'\ng: ~\nf: 2001-12-14\ne: 1e3\nd: 0o17\n"
                        + "c: 0x1F\nb: off\na: y\n"));
    }

    @Test
    void jsonStreams() {
        assertEquals("""
                {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"a"}}
                {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"b"}}""",
                read("two.json", "{\"metadata\":{\"name\":\"a\"},\"kind\":\"Namespace\",\"apiVersion\":\"v1\"}\n"
                        + "{\"kind\":\"Namespace\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"b\"}}"));
    }
}
