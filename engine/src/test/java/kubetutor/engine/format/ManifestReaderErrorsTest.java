package kubetutor.engine.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * malformed-manifests.json: for each file, what kubectl 1.32.4 wrote to stderr for
 * {@code kubectl create -f FILE --dry-run=client --validate=false -o name} (null: it accepted it).
 * Parse errors come before any server contact, so the client alone shows them; without
 * --validate=false kubectl first tries to download the OpenAPI schema from the server.
 */
class ManifestReaderErrorsTest {
    @TestFactory
    List<DynamicTest> kubectlsMessageForEachMalformedFile() throws IOException {
        JsonNode table;
        try (InputStream in = getClass().getResourceAsStream("malformed-manifests.json")) {
            table = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode row : table) {
            String file = row.get("file").textValue();
            String content = row.get("content").textValue();
            String expected = row.get("kubectl").isNull() ? null : row.get("kubectl").textValue();
            tests.add(DynamicTest.dynamicTest(file + " -> " + expected, () -> {
                List<ManifestDocument> docs = ManifestReader.read(file, content);
                String actual = docs.stream()
                        .filter(d -> d instanceof ManifestDocument.Failed)
                        .map(d -> "error: " + ((ManifestDocument.Failed) d).message())
                        .findFirst().orElse(null);
                assertEquals(expected, actual, content);
            }));
        }
        return tests;
    }
}
