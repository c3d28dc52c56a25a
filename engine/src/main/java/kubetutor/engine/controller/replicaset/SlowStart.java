package kubetutor.engine.controller.replicaset;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * controller.slowStartBatch: creates in batches of 1, 2, 4, … so that a template that cannot work
 * (a namespace being deleted, a quota) fails once instead of hundreds of times.
 */
final class SlowStart {
    static final int INITIAL_BATCH = 1;

    private SlowStart() {}

    /** The batch sizes for {@code count} creations. */
    static List<Integer> batches(int count) {
        List<Integer> sizes = new ArrayList<>();
        int remaining = count;
        for (int size = Math.min(remaining, INITIAL_BATCH); size > 0; size = Math.min(2 * size, remaining)) {
            sizes.add(size);
            remaining -= size;
        }
        return sizes;
    }

    /** Runs {@code create} up to {@code count} times in batches; stops after a batch with a failure. Returns the successes. */
    static int run(int count, BooleanSupplier create) {
        int done = 0;
        for (int size : batches(count)) {
            int ok = 0;
            for (int i = 0; i < size; i++) {
                if (create.getAsBoolean()) {
                    ok++;
                }
            }
            done += ok;
            if (ok < size) {
                break;
            }
        }
        return done;
    }
}
