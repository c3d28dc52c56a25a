package kubetutor.engine.controller.replicaset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SlowStartTest {
    @ParameterizedTest(name = "{0} pods: batches {1}")
    @CsvSource(delimiter = '|', value = {
            "0   | ''",
            "1   | 1",
            "3   | 1 2",
            "10  | 1 2 4 3",
            "500 | 1 2 4 8 16 32 64 128 245"})
    void batchesDoubleFromOne(int count, String expected) {
        List<Integer> want = expected.isEmpty() ? List.of()
                : Arrays.stream(expected.split(" ")).map(Integer::valueOf).toList();
        assertEquals(want, SlowStart.batches(count));
    }

    @ParameterizedTest(name = "{0} pods, failing from creation {1}: {2} created, {3} tried")
    @CsvSource({
            "10, 100, 10, 10",  // nothing fails
            "10, 1, 0, 1",      // the first batch (1 pod) fails: nothing more is tried
            "10, 3, 2, 3",      // the second batch (2 pods) has one failure: the third batch never starts
            "10, 5, 4, 7"})     // the third batch (4 pods) has failures: the fourth never starts
    void aBatchWithAFailureIsTheLast(int count, int failFrom, int created, int tried) {
        AtomicInteger attempts = new AtomicInteger();
        int done = SlowStart.run(count, () -> attempts.incrementAndGet() < failFrom);
        assertEquals(created, done);
        assertEquals(tried, attempts.get());
    }
}
