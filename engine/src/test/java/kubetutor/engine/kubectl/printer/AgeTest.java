package kubetutor.engine.kubectl.printer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** apimachinery's HumanDuration: seconds up to 119, minutes up to 179, and so on. */
class AgeTest {
    @ParameterizedTest(name = "{0}s -> {1}")
    @CsvSource({
            "-5, <invalid>", "-1, 0s", "0, 0s", "59, 59s", "60, 60s", "119, 119s", "120, 2m", "125, 2m5s",
            "599, 9m59s", "600, 10m", "601, 10m", "3600, 60m", "10799, 179m", "10800, 3h", "10860, 3h1m",
            "28799, 7h59m", "28800, 8h", "86400, 24h", "172799, 47h", "172800, 2d", "180000, 2d2h",
            "691199, 7d23h", "691200, 8d", "63071999, 729d", "63072000, 2y", "63158400, 2y1d", "252460800, 8y"})
    void human(long seconds, String expected) {
        assertEquals(expected, Age.human(Duration.ofSeconds(seconds)));
    }
}
