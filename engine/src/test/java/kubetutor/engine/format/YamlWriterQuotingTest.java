package kubetutor.engine.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Quoting, folding and block styles against real go-yaml: configmap-literals.json holds, for each
 * value V, what kubectl 1.32.4 printed for
 * {@code kubectl create configmap x --from-literal=key=V --dry-run=client -o yaml}.
 */
class YamlWriterQuotingTest {
    @TestFactory
    List<DynamicTest> eachLiteralPrintsAsKubectlPrintsIt() throws IOException {
        JsonNode table;
        try (InputStream in = getClass().getResourceAsStream("configmap-literals.json")) {
            table = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode row : table) {
            String value = row.get("value").textValue();
            String expected = row.get("kubectl").textValue();
            tests.add(DynamicTest.dynamicTest("[" + value.replace("\n", "\\n") + "]", () -> {
                ObjectNode cm = new ObjectMapper().createObjectNode();
                cm.put("kind", "ConfigMap").put("apiVersion", "v1");
                cm.putObject("metadata").put("name", "x").putNull("creationTimestamp");
                cm.putObject("data").put("key", value);
                assertEquals(expected, YamlWriter.write(cm));
            }));
        }
        return tests;
    }
}
