package kubetutor.kernel;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Standard error without what jeromq's own threads print. jeromq 0.6.0's I/O and reaper threads
 * hand the exceptions they catch to their context's notification handler, which by default is
 * {@code Throwable::printStackTrace}: when the context closes at shutdown while a channel is
 * still being handled, a {@code ClosedChannelException} stack trace lands on the kernel's stderr,
 * and from there in the Jupyter server's log. The handler cannot be replaced in time (basekernel's
 * connection creates the context and its threads in its constructor), so their bytes are dropped
 * here; every other thread writes through unchanged.
 */
final class QuietZmqThreads extends FilterOutputStream {

    QuietZmqThreads(OutputStream out) {
        super(out);
    }

    /** Replaces System.err with a filtered one. */
    static void install() {
        System.setErr(new PrintStream(new QuietZmqThreads(System.err), true));
    }

    static boolean isZmqThread(String name) {
        return name.startsWith("iothread-") || name.startsWith("reaper-");
    }

    private static boolean quiet() {
        return isZmqThread(Thread.currentThread().getName());
    }

    @Override
    public void write(int b) throws IOException {
        if (!quiet()) {
            out.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (!quiet()) {
            out.write(b, off, len);
        }
    }
}
