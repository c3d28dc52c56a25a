package kubetutor.apiserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The protobuf field table of the API types (wire.txt): per message, per field number, how to read it. */
final class WireTable {
    /**
     * @param kind "string", "bool", "int", "float", "bytes", "time", "microtime", "duration",
     *             "intorstring", "quantity", "raw", "msg:NAME", "list:KIND" or "map:KIND"
     * @param pointer Go holds it by pointer: a zero value was set on purpose and is kept
     * @param omitEmpty Go's JSON leaves it out when it is the zero value
     */
    record Field(String json, String kind, boolean pointer, boolean omitEmpty) {}

    private static final WireTable STANDARD = load();

    private final Map<String, Map<Integer, Field>> messages;

    private WireTable(Map<String, Map<Integer, Field>> messages) {
        this.messages = messages;
    }

    static WireTable standard() {
        return STANDARD;
    }

    /** The fields of a message, or null when the table has no such message. */
    Map<Integer, Field> message(String name) {
        return messages.get(name);
    }

    private static WireTable load() {
        Map<String, Map<Integer, Field>> messages = new HashMap<>();
        try (InputStream in = WireTable.class.getResourceAsStream("wire.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<Integer, Field> current = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (line.startsWith("message ")) {
                    current = new HashMap<>();
                    messages.put(line.substring("message ".length()).trim(), current);
                    continue;
                }
                String[] f = line.split(" ");
                current.put(Integer.parseInt(f[0]), new Field(f[1], f[2], f[3].contains("ptr"),
                        f.length > 4 || f[3].contains("omit")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WireTable(messages);
    }
}
