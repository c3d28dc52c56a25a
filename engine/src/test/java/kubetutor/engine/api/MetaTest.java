package kubetutor.engine.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** metav1.Time as the API server writes it, and new versions of stored objects. */
class MetaTest {
    @ParameterizedTest
    @CsvSource({
            "2026-01-05T09:00:00Z,        2026-01-05T09:00:00Z",
            "2026-01-05T09:00:07.999Z,    2026-01-05T09:00:07Z",
            "1969-12-31T23:59:59.5Z,      1969-12-31T23:59:59Z",
            "0001-02-03T04:05:06Z,        0001-02-03T04:05:06Z",
            "9999-12-31T23:59:59Z,        9999-12-31T23:59:59Z",
            "+10000-01-01T00:00:00Z,      +10000-01-01T00:00:00Z",
    })
    void timestampsAtSecondPrecision(String instant, String printed) {
        assertEquals(printed, Meta.timestamp(Instant.parse(instant)));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-01-05T09:00:00Z,        2026-01-05T09:00:00Z",
            "2024-02-29T23:59:59Z,        2024-02-29T23:59:59Z",
            "2026-01-05T09:00:00.250Z,    2026-01-05T09:00:00.250Z",
            "2026-01-05T09:00:00+00:00,   2026-01-05T09:00:00Z",
    })
    void timestampsReadBack(String written, String instant) {
        assertEquals(Instant.parse(instant), Meta.parseTime(TextNode.valueOf(written)));
    }

    @ParameterizedTest
    @CsvSource({"2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-05T09:00:0xZ"})
    void impossibleTimestampsAreRefusedAsInstantParseRefusesThem(String written) {
        assertThrows(DateTimeParseException.class, () -> Meta.parseTime(TextNode.valueOf(written)));
    }

    @Test
    void aNewVersionHasItsOwnRootAndMetadataAndSharesTheRest() {
        ObjectNode stored = Meta.JSON.objectNode();
        stored.put("kind", "Pod");
        stored.putObject("metadata").put("name", "web").put("resourceVersion", "7");
        stored.putObject("spec").put("nodeName", "worker");
        ObjectNode next = Meta.newVersion(stored);
        Meta.metadata(next).put("resourceVersion", "8");
        next.putObject("status").put("phase", "Running");
        assertEquals("{\"kind\":\"Pod\",\"metadata\":{\"name\":\"web\",\"resourceVersion\":\"7\"},\"spec\":{\"nodeName\":\"worker\"}}",
                stored.toString());
        assertEquals("{\"kind\":\"Pod\",\"metadata\":{\"name\":\"web\",\"resourceVersion\":\"8\"},\"spec\":{\"nodeName\":\"worker\"},"
                + "\"status\":{\"phase\":\"Running\"}}", next.toString());
        assertNotSame(stored.get("metadata"), next.get("metadata"));
        assertSame(stored.get("spec"), next.get("spec"));
    }
}
