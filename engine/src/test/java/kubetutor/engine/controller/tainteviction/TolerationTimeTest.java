package kubetutor.engine.controller.tainteviction;

import com.fasterxml.jackson.databind.ObjectMapper;
import kubetutor.engine.api.scheduling.Taint;
import kubetutor.engine.api.scheduling.Toleration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How long a pod stays on an unreachable node, one row per kind of pod. */
class TolerationTimeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Taint> UNREACHABLE = List.of(new Taint("node.kubernetes.io/unreachable", "", "NoExecute", null));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no toleration: at once | [] | false | 0
            the admission's 300s | [{"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":300},{"key":"node.kubernetes.io/unreachable","operator":"Exists","effect":"NoExecute","tolerationSeconds":300}] | true | 300
            a daemon pod: for ever | [{"key":"node.kubernetes.io/unreachable","operator":"Exists","effect":"NoExecute"}] | true |
            tolerates everything: for ever | [{"operator":"Exists"}] | true |
            the first match counts | [{"operator":"Exists","tolerationSeconds":60},{"key":"node.kubernetes.io/unreachable","operator":"Exists"}] | true | 60
            zero seconds: at once | [{"key":"node.kubernetes.io/unreachable","operator":"Exists","tolerationSeconds":0}] | true | 0
            another effect only | [{"key":"node.kubernetes.io/unreachable","operator":"Exists","effect":"NoSchedule"}] | false | 0
            """)
    void decides(String test, String tolerations, boolean tolerated, Long seconds) throws Exception {
        List<Toleration> t = Toleration.of(JSON.readTree("{\"tolerations\":" + tolerations + "}"));
        TolerationTime time = TolerationTime.of(UNREACHABLE, t);
        assertEquals(tolerated, time.allTolerated());
        assertEquals(seconds == null ? null : Duration.ofSeconds(seconds), time.time());
    }
}
