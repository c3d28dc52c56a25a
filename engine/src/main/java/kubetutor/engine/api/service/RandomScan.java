package kubetutor.engine.api.service;

import kubetutor.engine.sim.Rng;

import java.util.OptionalInt;
import java.util.function.IntPredicate;

/**
 * The bitmap allocator's random scan with an offset (apiserver registry/core/service/allocator):
 * the lower {@code offset} slots of a range are kept for values users ask for by hand, so a free
 * slot is first looked for from a random point of the upper part, going round; only when that part
 * is full does the lower one give a slot, scanned the same way.
 */
record RandomScan(int size, int offset) {

    /** The offset for a range: its size divided by {@code step}, kept between {@code min} and {@code max}. */
    static RandomScan of(int size, int min, int max, int step) {
        if (size <= min) {
            return new RandomScan(size, 0);
        }
        return new RandomScan(size, Math.max(min, Math.min(max, size / step)));
    }

    /** A free slot index in [0, size), or empty when every slot is taken. */
    OptionalInt next(Rng rng, IntPredicate taken) {
        int upper = size - offset;
        int start = rng.nextInt(upper);
        for (int i = 0; i < upper; i++) {
            int at = offset + (start + i) % upper;
            if (!taken.test(at)) {
                return OptionalInt.of(at);
            }
        }
        if (offset == 0) {
            return OptionalInt.empty();
        }
        start = rng.nextInt(offset);
        for (int i = 0; i < offset; i++) {
            int at = (start + i) % offset;
            if (!taken.test(at)) {
                return OptionalInt.of(at);
            }
        }
        return OptionalInt.empty();
    }
}
