package kubetutor.kernel;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The in-place updates of a watched cluster map ({@code cluster -w}): Jupyter's
 * {@code update_display_data} on the map's display id. A manual-clock watch over five simulated
 * minutes runs in a blink and may redraw hundreds of times, so updates are held back: one goes out
 * at most every {@link #INTERVAL_NANOS}, each replacing the one held before, and the last always
 * goes out when the command ends. The notebook sees the picture move at a pace it can draw.
 */
final class MapUpdates {
    static final long INTERVAL_NANOS = 250_000_000L;

    private final Consumer<KernelOutput> out;
    private final LongSupplier nanos;
    private String displayId;
    private Map<String, Object> held;
    private long lastSent;

    MapUpdates(Consumer<KernelOutput> out, LongSupplier nanos) {
        this.out = out;
        this.nanos = nanos;
    }

    /** The display now at the bottom of the cell: a map's id, or null when the last output was something else. */
    void shown(String mapDisplayId) {
        displayId = mapDisplayId;
        lastSent = nanos.getAsLong();
    }

    boolean showing() {
        return displayId != null;
    }

    /** A newer drawing of the map: sent now when the last went out long enough ago, else held. */
    void offer(Map<String, Object> data) {
        held = data;
        sendIfDue();
    }

    void sendIfDue() {
        if (held != null && nanos.getAsLong() - lastSent >= INTERVAL_NANOS) {
            flush();
        }
    }

    void flush() {
        if (held != null && displayId != null) {
            out.accept(new KernelOutput.Display(displayId, held, true));
            lastSent = nanos.getAsLong();
        }
        held = null;
    }
}
