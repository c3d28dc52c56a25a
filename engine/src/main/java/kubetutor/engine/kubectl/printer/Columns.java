package kubetutor.engine.kubectl.printer;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.output.Cell;

import java.time.Instant;
import java.util.List;

/**
 * A kind's table as the API server's printer defines it: column headers (upper-cased), which are
 * wide-only, and the cells of an object's row (wide ones included).
 */
public interface Columns {
    List<String> headers();

    /** Per header: shown only with -o wide. */
    List<Boolean> wideOnly();

    List<Cell> row(JsonNode obj, Instant now);
}
