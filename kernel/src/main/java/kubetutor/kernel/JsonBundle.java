package kubetutor.kernel;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code -o json} output as Jupyter's {@code application/json} too, so front ends with a JSON
 * viewer (JupyterLab's tree) can fold it. Only text that is exactly one JSON value qualifies: a
 * jsonpath result or several documents stay text.
 */
final class JsonBundle {
    private JsonBundle() {}

    static Map<String, Object> of(String text, Map<String, Object> bundle) {
        Map<String, Object> data = new LinkedHashMap<>(bundle);
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            var value = JsonParser.parseReader(reader);
            if (reader.peek() == JsonToken.END_DOCUMENT && (value.isJsonObject() || value.isJsonArray())) {
                data.put("application/json", value);
            }
        } catch (JsonParseException | IOException | IllegalStateException e) {
            // Not one JSON document: the text and HTML say it all.
        }
        return data;
    }
}
