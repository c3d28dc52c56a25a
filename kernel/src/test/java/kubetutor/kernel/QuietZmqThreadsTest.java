package kubetutor.kernel;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.ClosedChannelException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What jeromq's own threads print is dropped; what any other thread prints goes through. */
class QuietZmqThreadsTest {

    private static String printedBy(String threadName) throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(new QuietZmqThreads(bytes), true);
        Thread t = new Thread(() -> {
            new ClosedChannelException().printStackTrace(err);
            err.print("x");
        }, threadName);
        t.start();
        t.join();
        return bytes.toString();
    }

    @Test
    void jeromqThreadsAreQuiet() throws InterruptedException {
        assertEquals("", printedBy("iothread-2"));
        assertEquals("", printedBy("reaper-1"));
    }

    @Test
    void otherThreadsAreNot() throws InterruptedException {
        String text = printedBy("kubetutor-shell");
        assertEquals("java.nio.channels.ClosedChannelException", text.lines().findFirst().orElseThrow());
        assertEquals(true, text.endsWith("x"));
    }
}
