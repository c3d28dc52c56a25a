package kubetutor.engine.controller.nodelifecycle;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The zone states of ComputeZoneState and the tainting rate each allows. */
class ZoneStateTest {
    @ParameterizedTest(name = "{0} ready, {1} not ready")
    @CsvSource(textBlock = """
            3, 0, NORMAL, 0.1
            2, 1, NORMAL, 0.1
            1, 2, NORMAL, 0.1
            2, 3, PARTIAL_DISRUPTION, 0.0
            1, 3, PARTIAL_DISRUPTION, 0.0
            3, 3, NORMAL, 0.1
            40, 60, PARTIAL_DISRUPTION, 0.01
            0, 1, FULL_DISRUPTION, 0.1
            """)
    void states(int ready, int notReady, ZoneState state, double rate) {
        List<String> statuses = new ArrayList<>(Collections.nCopies(ready, "True"));
        statuses.addAll(Collections.nCopies(notReady, "Unknown"));
        assertEquals(state, ZoneState.of(statuses));
        assertEquals(rate, state.rate(statuses.size()));
    }
}
