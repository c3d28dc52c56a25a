package kubetutor.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;

/**
 * A request body in Kubernetes' protobuf encoding (what client-go's typed clients send, so
 * {@code kubectl create deployment} and friends), read into the JSON the API would have been sent:
 * the "k8s\0" magic, a runtime.Unknown naming apiVersion and kind, and the object's message. Fields
 * Go leaves out of JSON when empty are left out here too, so the object is the same either way.
 */
final class ProtobufBody {
    static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";
    private static final byte[] MAGIC = {'k', '8', 's', 0};
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_DEPTH = 64;
    private static final DateTimeFormatter MICRO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The body is not what it claims to be. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final WireTable table;

    ProtobufBody(WireTable table) {
        this.table = table;
    }

    ObjectNode decode(byte[] body) throws Malformed {
        if (body.length < MAGIC.length || !java.util.Arrays.equals(body, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new Malformed("provided object is not a protobuf message");
        }
        Reader unknown = new Reader(body, MAGIC.length, body.length);
        String apiVersion = "";
        String kind = "";
        byte[] raw = null;
        while (unknown.more()) {
            long tag = unknown.varint();
            int number = (int) (tag >>> 3);
            if (number == 1 && (tag & 7) == 2) {
                Reader typeMeta = unknown.nested();
                while (typeMeta.more()) {
                    long t = typeMeta.varint();
                    if ((t >>> 3) == 1) {
                        apiVersion = typeMeta.string();
                    } else if ((t >>> 3) == 2) {
                        kind = typeMeta.string();
                    } else {
                        typeMeta.skip((int) (t & 7));
                    }
                }
            } else if (number == 2 && (tag & 7) == 2) {
                raw = unknown.bytes();
            } else {
                unknown.skip((int) (tag & 7));
            }
        }
        if (kind.isEmpty() || raw == null || table.message(kind) == null) {
            throw new Malformed("no kind \"" + kind + "\" is registered for version \"" + apiVersion + "\"");
        }
        ObjectNode obj = JSON.objectNode();
        obj.put("kind", kind);
        obj.put("apiVersion", apiVersion);
        obj.setAll(message(kind, new Reader(raw, 0, raw.length), 0));
        return obj;
    }

    private ObjectNode message(String name, Reader in, int depth) throws Malformed {
        if (depth > MAX_DEPTH) {
            throw new Malformed("max depth exceeded");
        }
        Map<Integer, WireTable.Field> fields = table.message(name);
        ObjectNode out = JSON.objectNode();
        while (in.more()) {
            long tag = in.varint();
            int wire = (int) (tag & 7);
            WireTable.Field f = fields == null ? null : fields.get((int) (tag >>> 3));
            if (f == null) {
                in.skip(wire);
                continue;
            }
            String kind = f.kind();
            if (kind.startsWith("list:")) {
                ArrayNode list = out.has(f.json()) ? (ArrayNode) out.get(f.json()) : out.putArray(f.json());
                String item = kind.substring(5);
                if (wire == 2 && (item.equals("int") || item.equals("bool"))) {
                    Reader packed = in.nested();
                    while (packed.more()) {
                        list.add(scalar(item, packed, 0, depth));
                    }
                } else {
                    list.add(scalar(item, in, wire, depth));
                }
            } else if (kind.startsWith("map:")) {
                ObjectNode map = out.has(f.json()) ? (ObjectNode) out.get(f.json()) : out.putObject(f.json());
                Reader entry = in.nested();
                String key = "";
                JsonNode value = JSON.nullNode();
                while (entry.more()) {
                    long t = entry.varint();
                    if ((t >>> 3) == 1) {
                        key = entry.string();
                    } else if ((t >>> 3) == 2) {
                        value = scalar(kind.substring(4), entry, (int) (t & 7), depth);
                    } else {
                        entry.skip((int) (t & 7));
                    }
                }
                map.set(key, value);
            } else {
                JsonNode value = scalar(kind, in, wire, depth);
                if (f.omitEmpty() && !f.pointer() && zero(value)) {
                    continue;
                }
                out.set(f.json(), value);
            }
        }
        return out;
    }

    /** Go's zero value, which JSON's omitempty leaves out (a struct is never left out). */
    private static boolean zero(JsonNode v) {
        return v.isNull() || (v.isTextual() && v.asText().isEmpty()) || (v.isBoolean() && !v.asBoolean())
                || (v.isIntegralNumber() && v.asLong() == 0) || (v.isDouble() && v.asDouble() == 0);
    }

    private JsonNode scalar(String kind, Reader in, int wire, int depth) throws Malformed {
        switch (kind) {
            case "string" -> {
                return JSON.textNode(in.string());
            }
            case "bool" -> {
                return JSON.booleanNode(in.varint() != 0);
            }
            case "int" -> {
                return JSON.numberNode(in.varint());
            }
            case "float" -> {
                return JSON.numberNode(Double.longBitsToDouble(in.fixed64()));
            }
            case "bytes" -> {
                return JSON.textNode(Base64.getEncoder().encodeToString(in.bytes()));
            }
            default -> { }
        }
        if (wire != 2) {
            throw new Malformed("a " + kind + " must be length-delimited");
        }
        Reader m = in.nested();
        if (kind.startsWith("msg:")) {
            return message(kind.substring(4), m, depth + 1);
        }
        long[] numbers = new long[4];
        String text = null;
        byte[] raw = null;
        while (m.more()) {
            long t = m.varint();
            int n = (int) (t >>> 3);
            int w = (int) (t & 7);
            if (w == 0 && n < numbers.length) {
                numbers[n] = m.varint();
            } else if (w == 2 && (kind.equals("raw") || kind.equals("intorstring") || kind.equals("quantity"))) {
                if (kind.equals("raw")) {
                    raw = m.bytes();
                } else {
                    text = m.string();
                }
            } else {
                m.skip(w);
            }
        }
        return switch (kind) {
            case "time" -> numbers[1] == 0 && numbers[2] == 0 ? JSON.nullNode()
                    : JSON.textNode(Instant.ofEpochSecond(numbers[1]).toString());
            case "microtime" -> numbers[1] == 0 && numbers[2] == 0 ? JSON.nullNode()
                    : JSON.textNode(MICRO.format(Instant.ofEpochSecond(numbers[1], numbers[2])));
            case "duration" -> JSON.textNode(GoDuration.format(numbers[1]));
            case "intorstring" -> numbers[1] == 1 ? JSON.textNode(text == null ? "" : text) : JSON.numberNode((int) numbers[2]);
            case "quantity" -> JSON.textNode(text == null ? "" : text);
            case "raw" -> raw(raw);
            default -> throw new Malformed("unknown field kind " + kind);
        };
    }

    private static JsonNode raw(byte[] raw) throws Malformed {
        if (raw == null || raw.length == 0) {
            return JSON.nullNode();
        }
        try {
            return MAPPER.readTree(raw);
        } catch (IOException e) {
            throw new Malformed("an embedded object is not JSON");
        }
    }

    /** Reads protobuf's wire types from a window of the body, refusing to read past it. */
    private static final class Reader {
        private final byte[] data;
        private int pos;
        private final int end;

        Reader(byte[] data, int from, int to) {
            this.data = data;
            this.pos = from;
            this.end = to;
        }

        boolean more() {
            return pos < end;
        }

        long varint() throws Malformed {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= end) {
                    throw new Malformed("unexpected end of a varint");
                }
                byte b = data[pos++];
                v |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new Malformed("a varint longer than 64 bits");
        }

        long fixed64() throws Malformed {
            need(8);
            long v = 0;
            for (int i = 7; i >= 0; i--) {
                v = (v << 8) | (data[pos + i] & 0xffL);
            }
            pos += 8;
            return v;
        }

        byte[] bytes() throws Malformed {
            int n = length();
            byte[] b = java.util.Arrays.copyOfRange(data, pos, pos + n);
            pos += n;
            return b;
        }

        String string() throws Malformed {
            int n = length();
            String s = new String(data, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        Reader nested() throws Malformed {
            int n = length();
            Reader r = new Reader(data, pos, pos + n);
            pos += n;
            return r;
        }

        void skip(int wire) throws Malformed {
            switch (wire) {
                case 0 -> varint();
                case 1 -> {
                    need(8);
                    pos += 8;
                }
                case 2 -> {
                    int n = length(); // before the addition: reading the length moves pos
                    pos += n;
                }
                case 5 -> {
                    need(4);
                    pos += 4;
                }
                default -> throw new Malformed("unknown wire type " + wire);
            }
        }

        private int length() throws Malformed {
            long n = varint();
            if (n < 0 || n > end - pos) {
                throw new Malformed("a length past the end of the message");
            }
            return (int) n;
        }

        private void need(int n) throws Malformed {
            if (end - pos < n) {
                throw new Malformed("unexpected end of the message");
            }
        }
    }
}
