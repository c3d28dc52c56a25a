package kubetutor.engine.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The API server's limit on a request body (kube-apiserver's MaxRequestBodyBytes, 3 MiB): checked
 * before anything else is done with the object, as the server reads no more than that.
 */
public final class RequestSize {
    public static final long LIMIT = 3L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestSize() {}

    /** ApiException 413 when {@code object}, as kubectl sends it (compact JSON), is past the limit. */
    public static void check(JsonNode object) {
        if (bytes(object) > LIMIT) {
            throw tooLarge();
        }
    }

    public static ApiException tooLarge() {
        return new ApiException(ApiException.Reason.RequestEntityTooLarge, "Request entity too large: limit is " + LIMIT);
    }

    /** The length of the compact JSON in UTF-8, counted as it is written and never held. */
    static long bytes(JsonNode object) {
        Counter counter = new Counter();
        try (JsonGenerator g = JSON.createGenerator(counter)) {
            JSON.writeTree(g, object);
        } catch (Counter.Enough e) {
            return counter.count;
        } catch (IOException e) {
            throw new IllegalStateException("counting cannot fail", e);
        }
        return counter.count;
    }

    /** Counts bytes, and stops the writing once past the limit: a 50 MB object is not written out for nothing. */
    private static final class Counter extends OutputStream {
        long count;

        @Override
        public void write(int b) throws IOException {
            add(1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            add(len);
        }

        private void add(long n) throws Enough {
            count += n;
            if (count > LIMIT) {
                throw new Enough();
            }
        }

        static final class Enough extends IOException {
            Enough() {
                super("past the limit", null);
            }
        }
    }
}
