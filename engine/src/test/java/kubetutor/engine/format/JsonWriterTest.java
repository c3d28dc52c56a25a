package kubetutor.engine.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    /** kubectl create configmap x --from-literal=key=$'<a href="x">&</a>\t\x01\u2028é😀\\' --dry-run=client -o json */
    @Test
    void goEscapingWithHtmlSafeCharacters() {
        ObjectNode cm = new ObjectMapper().createObjectNode();
        cm.put("kind", "ConfigMap").put("apiVersion", "v1");
        cm.putObject("metadata").put("name", "x").putNull("creationTimestamp");
        cm.putObject("data").put("key", "<a href=\"x\">&</a>\t\u0001\u2028é😀\\");
        assertEquals("""
                {
                    "kind": "ConfigMap",
                    "apiVersion": "v1",
                    "metadata": {
                        "name": "x",
                        "creationTimestamp": null
                    },
                    "data": {
                        "key": "\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e\\t\\u0001\\u2028é😀\\\\"
                    }
                }
                """, JsonWriter.write(cm));
    }

    @Test
    void numbersAndEmptyCollections() throws Exception {
        assertEquals("{\n    \"a\": 1,\n    \"b\": 1.5,\n    \"c\": 1e-7,\n    \"d\": 1e+21,\n    \"e\": {},\n    \"f\": []\n}\n",
                JsonWriter.write(new ObjectMapper().readTree("{\"a\":1.0,\"b\":1.5,\"c\":1e-7,\"d\":1e21,\"e\":{},\"f\":[]}")));
    }
}
