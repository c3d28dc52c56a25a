package kubetutor.engine.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ParseQuantity's answers, and the int64 accessors with Go's overflow (what the scheduler acts on). */
class ResourceQuantityTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "500m                     | 500m        | 500                  | 1",
            "0.5                      | 500m        | 500                  | 1",
            "2                        | 2           | 2000                 | 2",
            "1.5Gi                    | 1536Mi      | 1610612736000        | 1610612736",
            "1e3                      | 1e3         | 1000000              | 1000",
            "100M                     | 100M        | 100000000000         | 100000000",
            "1000m                    | 1           | 1000                 | 1",
            "-1                       | -1          | -1000                | -1",
            "0.0001                   | 100u        | 1                    | 1",
            ".                        | 0           | 0                    | 0",
            "+                        | 0           | 0                    | 0",
            // 2^60 is past Go's int64 fast path for binary suffixes: an inf.Dec, wrapping.
            "1Ei                      | 1Ei         | -9223372036854775808 | 1152921504606846976",
            // An int64 with a scale (Go's fast path) answers 0 on overflow...
            "1E                       | 1E          | 0                    | 1000000000000000000",
            "1e400                    | 10e399      | 0                    | 0",
            // ...an inf.Dec keeps the low 64 bits, as big.Int's Int64 does.
            "99999999999999999999999  | 99999999999999999999999 | -2537764290115404776 | 200376420520689663",
            "99999999999999999999999m | 99999999999999999999999m | 200376420520689663 | 7766279631452241920",
            "9999999999999999999999Ki | 9223372036854775807 | -1000          | 9223372036854775807",
    })
    void parsesAsTheApiServerDoes(String text, String canonical, long milli, long units) throws ResourceQuantity.Invalid {
        ResourceQuantity q = ResourceQuantity.parse(text);
        assertEquals(canonical, q.toString(), text);
        assertEquals(milli, q.milliValue(), text);
        assertEquals(units, q.value(), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12.5.3   | quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
            "1 Gi     | quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
            "abc      | quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
            "1ki      | unable to parse quantity's suffix",
            "1e       | unable to parse quantity's suffix",
            "1e99999999999999999999 | unable to parse quantity's suffix",
    })
    void refusesWhatTheApiServerRefuses(String text, String message) {
        assertEquals(Optional.of(message), ResourceQuantity.problem(text));
    }
}
