package kubetutor.engine.kubectl.describe;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** resource.Quantity sums and their canonical strings, as describe prints them. */
class QuantityTest {
    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(textBlock = """
            100m,  250m,  350m
            500m,  1500m, 2
            0.5,   0,     500m
            70Mi,  100Mi, 170Mi
            512Mi, 512Mi, 1Gi
            100M,  0,     100M
            1000,  0,     1k
            4194304Ki, 0, 4Gi
            0,     64Mi,  64Mi
            1Gi,   1000,  1073742824
            """)
    void sums(String a, String b, String expected) {
        assertEquals(expected, Quantity.parse(a).plus(Quantity.parse(b)).toString());
    }
}
