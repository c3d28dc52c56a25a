package kubetutor.engine.session;

import kubetutor.engine.rest.ExecSession;

import java.util.HashMap;
import java.util.Map;

/**
 * The exec streams of {@code serve} that are open into one cluster, by the number the journal gives
 * them. A fresh cluster (reset, load) gets a fresh table: a stream into the cluster it replaced
 * belongs to no table the session holds, which is how its handle knows it is gone.
 */
final class StreamTable {
    private final Map<Integer, ExecSession> open = new HashMap<>();
    private int next = 1;

    /** A stream opened now: the next number. */
    int add(ExecSession exec) {
        int stream = next++;
        open.put(stream, exec);
        return stream;
    }

    /** A stream a replay opens again, under the number it had when recorded. */
    void put(int stream, ExecSession exec) {
        open.put(stream, exec);
        next = Math.max(next, stream + 1);
    }

    ExecSession get(int stream) {
        return open.get(stream);
    }

    void remove(int stream) {
        open.remove(stream);
    }
}
