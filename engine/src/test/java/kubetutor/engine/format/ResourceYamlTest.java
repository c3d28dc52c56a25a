package kubetutor.engine.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped YAML files read as a YAML library reads them, and the subset's edges: YAML in, JSON out. */
class ResourceYamlTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Every file the engine reads with ResourceYaml gives exactly Jackson's (SnakeYAML's) tree. */
    @ParameterizedTest
    @ValueSource(strings = {"/kubetutor/schema/meta.yaml", "/kubetutor/schema/pod.yaml", "/kubetutor/schema/volumes.yaml",
            "/kubetutor/schema/workloads.yaml", "/kubetutor/schema/cluster.yaml", "/kubetutor/images.yaml"})
    void shippedResourcesReadAsAYamlLibraryReadsThem(String path) throws IOException {
        String text;
        try (InputStream in = ResourceYamlTest.class.getResourceAsStream(path)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(YAML.readTree(text), ResourceYaml.parse(path, text));
    }

    private static String json(String yaml) {
        return JsonWriter.compact(ResourceYaml.parse("t.yaml", yaml));
    }

    @Test
    void blockMappingsAndSequences() {
        assertEquals("{\"a\":{\"b\":1,\"c\":[\"x\",{\"d\":true,\"e\":null}]},\"f\":[\"y\"]}", json("""
                # comment
                a:
                  b: 1   # trailing comment
                  c:
                    - x

                    - d: true
                      e:
                f:
                - y
                """));
    }

    @Test
    void flowCollectionsOnOneLine() {
        assertEquals("{\"T\":{\"go\":\"v1.T\",\"open\":true,\"desc\":\"A thing.\"},\"p\":[80,\"*\",\"a b\"]}", json("""
                T: {go: v1.T, open: true, desc: A thing.}
                p: [80, "*", 'a b']
                """));
    }

    @Test
    void quotedScalarsAndKeys() {
        assertEquals("{\"*\":\"say \\\"hi\\\"\\n\\ttab 1#1: x\",\"k\":\"it's\"}", json("""
                "*": "say \\"hi\\"\\n\\ttab 1#1: x"
                k: 'it''s'
                """));
    }

    @Test
    void literalBlockKeepsInnerBlankLinesAndOneFinalNewline() {
        assertEquals("{\"f\":\"line 1\\n  indented\\n\\nline 4\\n\",\"g\":\"x\"}", json("""
                f: |
                  line 1
                    indented

                  line 4


                g: x
                """));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "80|80", "-3|-3", "72099410123|72099410123", "0777|\"0777\"", "3.10|\"3.10\"", "~|null",
            "True|true", "exit 0|\"exit 0\"", "150ms|\"150ms\"", "v1.32|\"v1.32\""})
    void plainScalars(String plain, String expected) {
        assertEquals(expected, JsonWriter.compact(YamlLine.plain(plain)));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "'a: &x 1' => t.yaml: line 1: unsupported YAML syntax '&'",
            "'a: >\n  folded' => t.yaml: line 1: unsupported YAML syntax '>'",
            "'a: |-\n  x' => t.yaml: line 1: only plain literal block scalars (|) are supported",
            "'a: \"open\n  quote\"' => t.yaml: line 1: the value does not end on its line",
            "'a: b\n    c: d' => t.yaml: line 2: unexpected indentation",
            "'a: b: c' => t.yaml: line 1: a plain value may not hold \": \"",
            "'a: 1\na: 2' => t.yaml: line 2: duplicate key a",
            "'a: [1, 2' => t.yaml: line 1: the value does not end on its line"})
    void outsideTheSubsetIsAnErrorNamingTheLine(String yaml, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResourceYaml.parse("t.yaml", yaml));
        assertEquals(message, e.getMessage());
    }
}
