package kubetutor.engine.command;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Go's time.ParseDuration verdicts, as the real kubectl 1.32 prints them for --timeout. */
class GoDurationsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "OK", value = {
            "0      | OK",
            "1m30s  | OK",
            ".5s    | OK",
            "1.s    | OK",
            "-2h    | OK",
            "abc    | time: invalid duration \"abc\"",
            "5      | time: missing unit in duration \"5\"",
            "5x     | time: unknown unit \"x\" in duration \"5x\"",
            "-      | time: invalid duration \"-\"",
    })
    void verdicts(String text, String problem) {
        assertEquals(problem, GoDurations.problem(text));
    }
}
