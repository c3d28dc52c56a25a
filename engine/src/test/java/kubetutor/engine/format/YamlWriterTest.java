package kubetutor.engine.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class YamlWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String yaml(String json) throws Exception {
        return YamlWriter.write(JSON.readTree(json));
    }

    /** kubectl create configmap x --from-literal=a10=1 ... --dry-run=client -o yaml (kubectl 1.32.4). */
    @Test
    void keysFollowGoYamlOrderNotByteOrder() throws Exception {
        ObjectNode cm = JSON.createObjectNode();
        cm.put("kind", "ConfigMap").put("apiVersion", "v1");
        cm.putObject("metadata").put("name", "x").putNull("creationTimestamp");
        ObjectNode data = cm.putObject("data");
        String[][] literals = {{"a10", "1"}, {"a2", "2"}, {"a-b", "3"}, {"ab", "4"}, {"B", "5"}, {"_x", "6"},
            {"10", "7"}, {"9", "8"}, {"a02", "9"}, {"a.b", "10"}, {"Ab", "11"}};
        for (String[] kv : literals) {
            data.put(kv[0], kv[1]);
        }
        assertEquals("""
                apiVersion: v1
                data:
                  _x: "6"
                  "9": "8"
                  "10": "7"
                  Ab: "11"
                  B: "5"
                  a-b: "3"
                  a.b: "10"
                  a2: "2"
                  a02: "9"
                  a10: "1"
                  ab: "4"
                kind: ConfigMap
                metadata:
                  creationTimestamp: null
                  name: x
                """, YamlWriter.write(cm));
    }

    @Test
    void sequencesUnderKeysAreNotIndentedButNestedSequencesAre() throws Exception {
        assertEquals("""
                a:
                - - 1
                  - 2
                - []
                - {}
                - b: true
                  c:
                  - null
                e: {}
                f: []
                """, yaml("{\"f\":[],\"e\":{},\"a\":[[1,2],[],{},{\"c\":[null],\"b\":true}]}"));
    }

    /** go-yaml v2 formats floats with strconv.FormatFloat(f, 'g', -1, 32). */
    @Test
    void numbers() throws Exception {
        assertEquals("""
                a: 1
                b: 1.5
                c: -3
                d: 1e+06
                e: 123456
                f: 0.0001
                g: 1e-05
                h: 3.1415927
                i: 9223372036854775807
                """, yaml("{\"a\":1.0,\"b\":1.5,\"c\":-3,\"d\":1000000.0,\"e\":123456.0,\"f\":0.0001,\"g\":0.00001,"
                + "\"h\":3.14159265358979,\"i\":9223372036854775807}"));
    }

    /** kubectl get pods -o yaml wraps several objects in a List. */
    @Test
    void listOfObjects() throws Exception {
        assertEquals("""
                apiVersion: v1
                items:
                - apiVersion: v1
                  kind: Pod
                  metadata:
                    name: a
                kind: List
                metadata:
                  resourceVersion: ""
                """, yaml("{\"apiVersion\":\"v1\",\"items\":[{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}}],"
                + "\"kind\":\"List\",\"metadata\":{\"resourceVersion\":\"\"}}"));
    }

    @Test
    void keysAreNeverFoldedAndMultilineKeysAreDoubleQuoted() throws Exception {
        String longKey = "k ".repeat(50).trim();
        // "a\nb" sorts before "k k ..."; only the value of a simple key may fold, never the key.
        assertEquals("\"a\\nb\": \"y\"\n" + longKey + ": x\n", yaml("{\"" + longKey + "\":\"x\",\"a\\nb\":\"y\"}"));
    }

    @Test
    void emptyRoots() throws Exception {
        assertEquals("{}\n", yaml("{}"));
        assertEquals("[]\n", yaml("[]"));
    }
}
